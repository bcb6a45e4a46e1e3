package dev.llmworkbench.rest.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.chat.OutputFormat;
import dev.llmworkbench.domain.chat.Schema;
import dev.llmworkbench.domain.chat.StringFormat;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonFields;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputFormatReaderTest {
    private static JsonFields json(String text) {
        return JsonFields.of(Json.createReader(new StringReader(text)).readObject());
    }

    private static OutputFormat chat(String responseFormat) {
        return OutputFormatReader.read(json("{\"response_format\":" + responseFormat + "}"), "response_format");
    }

    private static ApiException chatError(String responseFormat) {
        return assertThrows(ApiException.class, () -> chat(responseFormat));
    }

    @Test
    void readsTheMathReasoningSchemaOfOpenAisDocsWithItsDefsResolved() {
        OutputFormat.JsonSchema format = assertInstanceOf(OutputFormat.JsonSchema.class, chat("""
                {"type":"json_schema","json_schema":{"name":"math_reasoning","strict":true,"schema":{
                  "type":"object","$defs":{"step":{"type":"object","properties":{"explanation":{"type":"string"},
                    "output":{"type":"string"}},"required":["explanation","output"],"additionalProperties":false}},
                  "properties":{"steps":{"type":"array","items":{"$ref":"#/$defs/step"}},"final_answer":{"type":"string"}},
                  "required":["steps","final_answer"],"additionalProperties":false}}}"""));
        assertEquals("math_reasoning", format.name());
        assertTrue(format.strict());
        Schema.ObjectSchema root = assertInstanceOf(Schema.ObjectSchema.class, format.schema());
        Schema.ArraySchema steps = assertInstanceOf(Schema.ArraySchema.class, root.properties().get("steps"));
        Schema.ObjectSchema step = assertInstanceOf(Schema.ObjectSchema.class, steps.items());
        assertEquals(List.of("explanation", "output"), step.required());
    }

    @Test
    void expandsARecursiveReferenceToABoundAndNoFurther() {
        OutputFormat.JsonSchema format = (OutputFormat.JsonSchema) chat("""
                {"type":"json_schema","json_schema":{"name":"ui","schema":{"type":"object",
                  "properties":{"label":{"type":"string"},"children":{"type":"array","items":{"$ref":"#"}}}}}}""");
        Schema schema = format.schema();
        int expansions = 0;
        while (schema instanceof Schema.ObjectSchema node) {
            schema = ((Schema.ArraySchema) node.properties().get("children")).items();
            expansions++;
        }
        assertInstanceOf(Schema.Unexpanded.class, schema);
        assertTrue(expansions >= 4 && expansions <= 10, "expanded " + expansions + " times");
    }

    @Test
    void readsBoundsFormatsEnumsOfAnyTypeAndNullableTypes() {
        Schema.ObjectSchema root = (Schema.ObjectSchema) ((OutputFormat.JsonSchema) chat("""
                {"type":"json_schema","json_schema":{"name":"n","schema":{"type":"object","properties":{
                  "age":{"type":"integer","minimum":18,"exclusiveMaximum":65},
                  "when":{"type":["string","null"],"format":"date-time","maxLength":40},
                  "level":{"enum":[1,"two",null]},
                  "kind":{"const":"fixed"},
                  "tags":{"type":"array","items":{"type":"string"},"minItems":2,"maxItems":3}}}}}""")).schema();
        Schema.NumberSchema age = (Schema.NumberSchema) root.properties().get("age");
        assertEquals(18, age.lowest());
        assertEquals(64, age.highest());
        Schema.AnyOfSchema when = (Schema.AnyOfSchema) root.properties().get("when");
        assertEquals(StringFormat.DATE_TIME, ((Schema.StringSchema) when.options().get(0)).format().orElseThrow());
        assertEquals(List.of("1", "\"two\"", "null"), ((Schema.EnumSchema) root.properties().get("level")).jsonValues());
        assertEquals(List.of("fixed"), ((Schema.StringSchema) root.properties().get("kind")).enumValues());
        assertEquals(2, ((Schema.ArraySchema) root.properties().get("tags")).minItems());
    }

    @Test
    void readsTheResponsesApiTextFormatWithoutTheNesting() {
        OutputFormat format = OutputFormatReader.readTextFormat(json("""
                {"format":{"type":"json_schema","name":"event","schema":{"type":"object","properties":{"name":{"type":"string"}}}}}"""),
                "format");
        assertEquals("event", assertInstanceOf(OutputFormat.JsonSchema.class, format).name());
        assertInstanceOf(OutputFormat.JsonObject.class, OutputFormatReader.readTextFormat(json("{\"format\":{\"type\":\"json_object\"}}"), "format"));
        assertInstanceOf(OutputFormat.Text.class, OutputFormatReader.readTextFormat(json("{}"), "format"));
    }

    @Test
    void namesTheParamOfEveryMistakeAsOpenAiDoes() {
        assertEquals("response_format.json_schema.name", chatError("{\"type\":\"json_schema\",\"json_schema\":{\"schema\":{}}}").param());
        assertEquals("response_format.json_schema.name", chatError("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"a b\"}}").param());
        assertEquals("response_format.json_schema", chatError("{\"type\":\"json_schema\"}").param());
        assertEquals("response_format.type", chatError("{\"type\":\"xml\"}").param());
        assertEquals("response_format.json_schema.schema.properties.a.type", chatError("""
                {"type":"json_schema","json_schema":{"name":"n","schema":{"type":"object","properties":{"a":{"type":"text"}}}}}""").param());
        assertEquals("response_format.json_schema.schema.properties.a", chatError("""
                {"type":"json_schema","json_schema":{"name":"n","schema":{"type":"object","properties":{"a":{"type":"integer","minimum":5,"maximum":1}}}}}""").param());
        assertEquals("response_format.json_schema.schema.$ref", chatError("""
                {"type":"json_schema","json_schema":{"name":"n","schema":{"$ref":"#/$defs/missing"}}}""").param());
        JsonFields text = json("{\"text\":{\"format\":{\"type\":\"json_schema\",\"schema\":{}}}}").requireObject("text");
        assertEquals("text.format.name", assertThrows(ApiException.class, () -> OutputFormatReader.readTextFormat(text, "format")).param());
    }

    @Test
    void aSchemaNestedTooDeepOrExpandingTooFarIsA400() {
        String deep = "{\"type\":\"array\",\"items\":".repeat(300) + "{\"type\":\"string\"}" + "}".repeat(300);
        assertEquals("response_format.json_schema.schema",
                chatError("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"n\",\"schema\":" + deep + "}}").param());
        // every level refers twice to the next: expanded, that doubles sixteen times
        StringBuilder defs = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            defs.append(i == 0 ? "" : ",").append("\"d").append(i).append("\":{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/$defs/d")
                    .append(i + 1).append("\"},\"b\":{\"$ref\":\"#/$defs/d").append(i + 1).append("\"}}}");
        }
        defs.append(",\"d16\":{\"type\":\"string\"}");
        assertEquals("response_format.json_schema.schema", chatError("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"n\",\"schema\":"
                + "{\"$defs\":{" + defs + "},\"$ref\":\"#/$defs/d0\"}}}").param());
    }

    @Test
    void strictSchemasFollowOpenAisRulesWithItsWording() {
        ApiException open = chatError("""
                {"type":"json_schema","json_schema":{"name":"m","strict":true,"schema":{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}}}""");
        assertEquals("response_format", open.param());
        assertEquals("Invalid schema for response_format 'm': In context=(), 'additionalProperties' is required to be supplied and to be false.",
                open.getMessage());
        ApiException partial = chatError("""
                {"type":"json_schema","json_schema":{"name":"m","strict":true,"schema":{"type":"object","additionalProperties":false,
                  "properties":{"a":{"type":"object","properties":{"b":{"type":"string"}},"additionalProperties":false}},"required":["a"]}}}""");
        assertEquals("Invalid schema for response_format 'm': In context=('properties', 'a'), 'required' is required to be supplied "
                + "and to be an array including every key in properties. Missing 'b'.", partial.getMessage());
    }
}
