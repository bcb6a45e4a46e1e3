package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code response_format} over raw HTTP: a recursive schema answered validly, JSON mode, and every bad format a 400 naming its param. */
class StructuredOutputsHttpIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    // OpenAI's structured-outputs guide: a UI described by a recursive schema
    private static final String UI_SCHEMA = """
            {"type":"object","properties":{"type":{"type":"string","enum":["div","button","header","section","field","form"]},
             "label":{"type":"string"},"children":{"type":"array","items":{"$ref":"#"}},
             "attributes":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"value":{"type":"string"}},
               "additionalProperties":false,"required":["name","value"]}}},
             "required":["type","label","children","attributes"],"additionalProperties":false}""";

    private static String chat(String responseFormat) {
        return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Make a form, as JSON.\"}],\"response_format\":"
                + responseFormat + "}";
    }

    private static JsonNode post(String body) throws Exception {
        HttpResponse<String> response = Server.postJson("/v1/chat/completions", body, "X-TTFT-MS", "0", "X-ITL-MS", "0", "X-OUTPUT-LENGTH", "120");
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void aRecursiveStrictSchemaIsAnsweredWithJsonItValidates() throws Exception {
        for (int seed = 1; seed <= 5; seed++) {
            JsonNode completion = post(chat("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"ui\",\"strict\":true,\"schema\":"
                    + UI_SCHEMA + "}}").replaceFirst("\\{", "{\"seed\":" + seed + ","));
            String content = completion.at("/choices/0/message/content").asText();
            var errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(UI_SCHEMA).validate(content, InputFormat.JSON);
            assertTrue(errors.isEmpty(), errors + " in " + content);
        }
    }

    @Test
    void jsonModeAnswersWithAJsonObject() throws Exception {
        String content = post(chat("{\"type\":\"json_object\"}")).at("/choices/0/message/content").asText();
        assertTrue(JSON.readTree(content).isObject(), content);
    }

    static Stream<Arguments> badFormats() {
        return Stream.of(
                Arguments.of("{\"type\":\"xml\"}", "response_format.type"),
                Arguments.of("\"json\"", "response_format"),
                Arguments.of("{\"type\":\"json_schema\"}", "response_format.json_schema"),
                Arguments.of("{\"type\":\"json_schema\",\"json_schema\":{\"schema\":{\"type\":\"object\"}}}", "response_format.json_schema.name"),
                Arguments.of("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"has space\"}}", "response_format.json_schema.name"),
                Arguments.of("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"n\",\"colour\":1}}", "response_format.json_schema.colour"),
                Arguments.of("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"n\",\"schema\":{\"type\":\"text\"}}}",
                        "response_format.json_schema.schema.type"),
                Arguments.of("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"n\",\"schema\":{\"$ref\":\"https://x.test/s.json\"}}}",
                        "response_format.json_schema.schema.$ref"),
                Arguments.of("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"n\",\"strict\":true,\"schema\":"
                        + "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"]}}}", "response_format"),
                Arguments.of("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"n\",\"schema\":"
                        + "{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"minItems\":3,\"maxItems\":2}}}", "response_format.json_schema.schema"));
    }

    @ParameterizedTest
    @MethodSource("badFormats")
    void aBadResponseFormatIsA400NamingTheParam(String format, String param) throws Exception {
        HttpResponse<String> response = Server.postJson("/v1/chat/completions", chat(format));
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertEquals("invalid_request_error", error.get("type").asText());
        assertEquals(param, error.get("param").asText(), response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("dev.llmworkbench"), response.body());
    }

    @Test
    void jsonModeWithoutTheWordJsonInTheMessagesIsA400AsOpenAiAnswersIt() throws Exception {
        HttpResponse<String> response = Server.postJson("/v1/chat/completions",
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"response_format\":{\"type\":\"json_object\"}}");
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("messages", JSON.readTree(response.body()).at("/error/param").asText());
    }
}
