package dev.llmworkbench.rest.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.chat.ChatRequest;
import dev.llmworkbench.domain.chat.ImageDetail;
import dev.llmworkbench.domain.chat.ImagePart;
import dev.llmworkbench.domain.chat.OutputFormat;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.Schema;
import dev.llmworkbench.domain.chat.ToolChoice;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonFields;
import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ChatRequestReaderTest {
    private static ChatRequestReader.Parsed read(String json) {
        return ChatRequestReader.read(JsonFields.of(Json.createReader(new StringReader(json)).readObject()));
    }

    private static String paramOf(String json) {
        return assertThrows(ApiException.class, () -> read(json)).param();
    }

    @Test
    void readsMessagesPartsToolsAndOptions() {
        ChatRequestReader.Parsed parsed = read("""
                {"model":"gpt-4o","n":2,"seed":7,"max_tokens":9,"max_completion_tokens":5,"stop":"END",
                 "stream_options":{"include_usage":true},
                 "messages":[{"role":"system","content":"Be brief."},
                   {"role":"user","name":"ann","content":[{"type":"text","text":"What is this?"},
                     {"type":"image_url","image_url":{"url":"https://x.test/a.png","detail":"low"}}]},
                   {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                     "function":{"name":"f","arguments":"{}"}}]},
                   {"role":"tool","tool_call_id":"call_1","content":"42"}],
                 "tools":[{"type":"function","function":{"name":"f","description":"d","parameters":
                   {"type":"object","properties":{"x":{"type":["integer","null"]},"tags":{"type":"array","items":{"type":"string"}}}}}}],
                 "tool_choice":{"type":"function","function":{"name":"f"}}}""");
        ChatRequest request = parsed.request();
        assertTrue(parsed.includeUsage());
        assertEquals(2, request.n());
        assertEquals(5, request.maxTokens().getAsInt(), "max_completion_tokens wins over max_tokens");
        assertEquals(7, request.seed().getAsLong());
        assertEquals(java.util.List.of("END"), request.stop());
        assertEquals(Role.USER, request.messages().get(1).role());
        assertEquals("ann", request.messages().get(1).name().orElseThrow());
        assertEquals(ImageDetail.LOW, ((ImagePart) request.messages().get(1).content().get(1)).detail());
        assertEquals("call_1", request.messages().get(2).toolCalls().getFirst().id());
        assertEquals(new ToolChoice.Function("f"), request.toolChoice());
        Schema.ObjectSchema parameters = request.tools().getFirst().parameters();
        Schema.AnyOfSchema nullable = assertInstanceOf(Schema.AnyOfSchema.class, parameters.properties().get("x"));
        assertInstanceOf(Schema.NumberSchema.class, nullable.options().get(0));
        assertInstanceOf(Schema.NullSchema.class, nullable.options().get(1));
        assertInstanceOf(Schema.ArraySchema.class, parameters.properties().get("tags"));
    }

    @Test
    void readsResponseFormatAndParallelToolCallsWhichDefaultsToTrue() {
        ChatRequest json = read("""
                {"model":"gpt-4o","parallel_tool_calls":false,"response_format":{"type":"json_object"},
                 "messages":[{"role":"user","content":"Answer in JSON"}]}""").request();
        assertInstanceOf(OutputFormat.JsonObject.class, json.outputFormat());
        assertFalse(json.parallelToolCalls());
        ChatRequest plain = read("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}").request();
        assertInstanceOf(OutputFormat.Text.class, plain.outputFormat());
        assertTrue(plain.parallelToolCalls());
    }

    @Test
    void functionParametersWithARootAnyOfGenerateItsObjectOption() {
        ChatRequest request = read("""
                {"model":"m","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f",
                  "parameters":{"type":"object","anyOf":[{"type":"object","properties":{"q":{"type":"string"}},"required":["q"]},
                    {"type":"object","properties":{"id":{"type":"integer"}},"required":["id"]}]}}}]}""").request();
        assertEquals(java.util.List.of("q"), request.tools().getFirst().parameters().required());
        assertEquals("tools[0].function.parameters", paramOf("""
                {"model":"m","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f",
                  "parameters":{"type":"string"}}}]}"""));
    }

    @Test
    void aStrictFunctionFollowsOpenAisSchemaRules() {
        assertEquals("tools[0].function.parameters", paramOf("""
                {"model":"m","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f","strict":true,
                  "parameters":{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}}}]}"""));
    }

    @Test
    void namesTheFieldOfEveryMistake() {
        assertEquals("model", paramOf("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"));
        assertEquals("messages[1].content[0].type", paramOf("""
                {"model":"m","messages":[{"role":"user","content":"a"},{"role":"user","content":[{"type":"audio"}]}]}"""));
        assertEquals("messages[0].content[0].type", paramOf("""
                {"model":"m","messages":[{"role":"system","content":[{"type":"image_url","image_url":{"url":"https://x"}}]}]}"""));
        assertEquals("messages[0].tool_call_id", paramOf("{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}"));
        assertEquals("stop[1]", paramOf("{\"model\":\"m\",\"stop\":[\"a\",3],\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"));
        assertEquals("top_p", paramOf("{\"model\":\"m\",\"top_p\":1.5,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"));
        assertEquals("tools[0].type", paramOf("{\"model\":\"m\",\"tools\":[{\"type\":\"custom\"}],\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"));
        assertEquals("messages", paramOf("{\"model\":\"m\",\"response_format\":{\"type\":\"json_object\"},\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                "JSON mode needs the word json in the messages, as OpenAI requires");
        assertEquals("bogus", paramOf("{\"model\":\"m\",\"bogus\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"));
    }

    @Test
    void wordsTypeErrorsAsOpenAiDoes() {
        ApiException e = assertThrows(ApiException.class, () -> read("{\"model\":\"m\",\"n\":\"2\",\"messages\":[]}"));
        assertEquals("Invalid type for 'n': expected an integer, but got a string instead.", e.getMessage());
        assertEquals(400, e.status());
    }
}
