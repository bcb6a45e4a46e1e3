package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /v1/responses} over raw HTTP: every object checked against OpenAI's OpenAPI document, the SSE framing, failures. */
class ResponsesHttpIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FAST = {"X-TTFT-MS", "5", "X-ITL-MS", "1"};

    private record Frame(String event, JsonNode data, String raw) {
    }

    private static JsonNode create(String body, String... headers) throws Exception {
        HttpResponse<String> response = Server.postJson("/v1/responses", body, join(FAST, headers));
        assertEquals(200, response.statusCode(), response.body());
        OpenApiSchemas.assertValid("Response", response.body());
        return JSON.readTree(response.body());
    }

    private static String[] join(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    /** A whole SSE stream split into frames; each must be an {@code event:} line and a {@code data:} line. */
    private static List<Frame> stream(String body, String... headers) throws Exception {
        HttpResponse<String> response = Server.postJson("/v1/responses", body, join(FAST, headers));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        List<Frame> frames = new ArrayList<>();
        for (String block : response.body().split("\n\n")) {
            String[] lines = block.split("\n");
            assertEquals(2, lines.length, block);
            assertTrue(lines[0].startsWith("event: ") && lines[1].startsWith("data: "), block);
            String data = lines[1].substring("data: ".length());
            frames.add(new Frame(lines[0].substring("event: ".length()), JSON.readTree(data), data));
        }
        return frames;
    }

    @Test
    void plainIncompleteAndFunctionCallResponsesAreValidOpenAiResponses() throws Exception {
        JsonNode plain = create("{\"model\":\"gpt-4o\",\"input\":\"Hello\",\"instructions\":\"Be brief.\",\"metadata\":{\"run\":\"7\"}}",
                "X-OUTPUT-LENGTH", "7");
        assertEquals("completed", plain.get("status").asText());
        assertEquals("7", plain.get("metadata").get("run").asText());
        assertEquals(plain.get("output").get(0).get("content").get(0).get("text").asText(), plain.get("output_text").asText());

        JsonNode cut = create("{\"model\":\"gpt-4o\",\"input\":\"Hello\",\"max_output_tokens\":16}", "X-OUTPUT-LENGTH", "30");
        assertEquals("incomplete", cut.get("status").asText());
        assertEquals("max_output_tokens", cut.get("incomplete_details").get("reason").asText());

        JsonNode call = create("""
                {"model":"gpt-4o","input":"Weather in Paris?","tool_choice":"required","tools":[{"type":"function","name":"weather",
                 "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}]}""");
        assertEquals("function_call", call.get("output").get(0).get("type").asText());
        assertTrue(call.get("output").get(0).get("id").asText().startsWith("fc_"));
    }

    @Test
    void aJsonSchemaFormatIsAnsweredWithJsonValidAgainstThatSchema() throws Exception {
        String schema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\",\"minimum\":0}},"
                + "\"required\":[\"name\",\"age\"],\"additionalProperties\":false}";
        JsonNode response = create("{\"model\":\"gpt-4o\",\"input\":\"Who?\",\"text\":{\"format\":{\"type\":\"json_schema\",\"name\":\"person\","
                + "\"strict\":true,\"schema\":" + schema + "}}}", "X-OUTPUT-LENGTH", "30");
        String text = response.get("output_text").asText();
        List<com.networknt.schema.Error> errors = com.networknt.schema.SchemaRegistry.withDefaultDialect(
                com.networknt.schema.SpecificationVersion.DRAFT_2020_12).getSchema(schema).validate(text, com.networknt.schema.InputFormat.JSON);
        assertTrue(errors.isEmpty(), errors + " in " + text);
        assertEquals("json_schema", response.get("text").get("format").get("type").asText());
    }

    @Test
    void aStreamIsNamedEventsInOpenAisOrderEachAValidStreamEventAndNoDone() throws Exception {
        List<Frame> frames = stream("{\"model\":\"gpt-4o\",\"input\":\"Hello\",\"stream\":true}", "X-OUTPUT-LENGTH", "6");
        List<String> expected = new ArrayList<>(List.of("response.created", "response.in_progress", "response.output_item.added",
                "response.content_part.added"));
        for (int i = 0; i < 6; i++) {
            expected.add("response.output_text.delta");
        }
        expected.addAll(List.of("response.output_text.done", "response.content_part.done", "response.output_item.done", "response.completed"));
        assertEquals(expected, frames.stream().map(Frame::event).toList());
        for (int i = 0; i < frames.size(); i++) {
            Frame frame = frames.get(i);
            assertEquals(frame.event(), frame.data().get("type").asText());
            assertEquals(i, frame.data().get("sequence_number").asInt());
            OpenApiSchemas.assertValid("ResponseStreamEvent", frame.raw());
        }
        assertFalse(frames.stream().anyMatch(frame -> frame.raw().contains("[DONE]")));
    }

    @Test
    void aCutStreamStopsAfterItsTokensWithoutCompleting() throws Exception {
        List<Frame> frames = stream("{\"model\":\"gpt-4o\",\"input\":\"Hello\",\"stream\":true}",
                "X-OUTPUT-LENGTH", "10", "X-CUT-AFTER-TOKENS", "3");
        assertEquals(3, frames.stream().filter(frame -> frame.event().equals("response.output_text.delta")).count());
        assertEquals("response.output_text.delta", frames.getLast().event());
    }

    @Test
    void aStreamedFunctionCallValidatesEventByEvent() throws Exception {
        List<Frame> frames = stream("""
                {"model":"gpt-4o","input":"Weather?","stream":true,"tool_choice":{"type":"function","name":"weather"},"tools":[
                 {"type":"function","name":"weather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}]}""");
        assertEquals("response.function_call_arguments.done", frames.get(frames.size() - 3).event());
        for (Frame frame : frames) {
            OpenApiSchemas.assertValid("ResponseStreamEvent", frame.raw());
        }
    }

    @Test
    void theFirstDeltaWaitsForTheTimeToFirstToken() throws Exception {
        long start = System.nanoTime();
        HttpResponse<java.util.stream.Stream<String>> response = Server.HTTP.send(HttpRequest.newBuilder(URI.create(Server.URL + "/v1/responses"))
                .header("Content-Type", "application/json").header("X-TTFT-MS", "300").header("X-ITL-MS", "1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o\",\"input\":\"Hi\",\"stream\":true}"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofLines());
        long firstDelta = response.body().filter(line -> line.equals("event: response.output_text.delta")).findFirst()
                .map(line -> System.nanoTime()).orElseThrow();
        assertTrue(firstDelta - start >= 300_000_000L, "first delta after " + (firstDelta - start) / 1_000_000 + " ms");
    }

    @Test
    void storedResponsesListTheirInputItemsAndCanBeDeleted() throws Exception {
        JsonNode first = create("{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Hi\"}]}]}");
        String id = first.get("id").asText();
        JsonNode second = create("{\"model\":\"gpt-4o\",\"input\":\"And then?\",\"previous_response_id\":\"" + id + "\"}");
        HttpResponse<String> items = Server.get("/v1/responses/" + second.get("id").asText() + "/input_items?order=asc&limit=2");
        assertEquals(200, items.statusCode(), items.body());
        OpenApiSchemas.assertValid("ResponseItemList", items.body());
        JsonNode list = JSON.readTree(items.body());
        assertEquals("user", list.get("data").get(0).get("role").asText());
        assertEquals("assistant", list.get("data").get(1).get("role").asText());
        assertTrue(list.get("has_more").asBoolean());

        HttpResponse<String> got = Server.get("/v1/responses/" + id);
        OpenApiSchemas.assertValid("Response", got.body());
        assertEquals(first, JSON.readTree(got.body()));

        HttpResponse<String> deleted = Server.HTTP.send(HttpRequest.newBuilder(URI.create(Server.URL + "/v1/responses/" + id)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(JSON.readTree("{\"id\":\"" + id + "\",\"object\":\"response.deleted\",\"deleted\":true}"), JSON.readTree(deleted.body()));
        assertError(Server.get("/v1/responses/" + id), 404, null);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "{'model':'gpt-4o'}|400|input",
            "{'model':'gpt-4o','input':'Hi','max_output_tokens':8}|400|max_output_tokens",
            "{'model':'gpt-4o','input':'Hi','previous_response_id':'resp_never'}|404|previous_response_id",
            "{'model':'gpt-4o','input':[{'role':'user','content':[{'type':'input_audio'}]}]}|400|input[0].content[0].type",
            "{'model':'gpt-4o','input':'Hi','tool_choice':'required'}|400|tool_choice",
            "{'model':'gpt-4o','input':'Hi','stream':'yes'}|400|stream",
            "{'model':'gpt-4o','input':'Hi','text':{'format':{'type':'json_object'}}}|400|input",
            "{'model':'gpt-4o','input':'Hi','text':{'format':{'type':'json_schema','schema':{'type':'object'}}}}|400|text.format.name",
    })
    void badRequestsGetOpenAisErrorShapeNamingTheField(String body, int status, String param) throws Exception {
        assertError(Server.postJson("/v1/responses", body.replace('\'', '"')), status, param);
    }

    @Test
    void anInjectedFailureAnswersInOpenAisErrorShape() throws Exception {
        assertError(Server.postJson("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"Hi\"}", "X-FAIL-STATUS", "429"), 429, null);
        assertError(Server.postJson("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"Hi\",\"stream\":true}", "X-FAIL-STATUS", "503"), 503, null);
    }

    @Test
    void theSchemaCheckRejectsAResponseMissingWhatOpenAiRequires() {
        assertFalse(OpenApiSchemas.errors("Response", "{\"object\":\"response\",\"output\":[]}").isEmpty());
        assertFalse(OpenApiSchemas.errors("ResponseStreamEvent", "{\"type\":\"response.output_text.delta\",\"delta\":1}").isEmpty());
    }

    private static void assertError(HttpResponse<String> response, int status, String param) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        OpenApiSchemas.assertValid("ErrorResponse", response.body());
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertEquals(param, error.get("param").isNull() ? null : error.get("param").asText(), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
    }
}
