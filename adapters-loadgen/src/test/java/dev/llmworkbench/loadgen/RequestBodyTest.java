package dev.llmworkbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.llmworkbench.domain.chat.ImageDetail;
import dev.llmworkbench.domain.chat.ImagePart;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.TextPart;
import dev.llmworkbench.domain.chat.ToolCall;
import dev.llmworkbench.domain.loadtest.RecordedPrompt;
import dev.llmworkbench.domain.loadtest.Scenario;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RequestBodyTest {

    private static final RecordedPrompt HI = new RecordedPrompt.Text("hi");
    private static final RecordedPrompt CONVERSATION = new RecordedPrompt.Conversation(List.of(
            Message.text(Role.SYSTEM, "Be brief."),
            new Message(Role.USER, List.of(new TextPart("What is this?"),
                    new ImagePart("https://example.com/cat.png", ImageDetail.LOW)), Optional.of("ann"), List.of()),
            new Message(Role.ASSISTANT, List.of(), Optional.empty(),
                    List.of(new ToolCall("call_1", "lookup", "{\"q\":\"cat\"}"))),
            Message.text(Role.USER, "Thanks")));

    @Test
    void asksAStreamedChatForUsageAndForTheOutputLengthAsMaxTokensAndAsVllmDoes() {
        assertEquals(json("""
                {"model":"gpt-4o","messages":[{"role":"user","content":"hi"}],"max_tokens":12,
                 "min_tokens":12,"ignore_eos":true,"stream":true,"stream_options":{"include_usage":true}}"""),
                body(new ChatCall(Scenario.CHAT_COMPLETIONS, "gpt-4o", HI, 9, 12, true, Map.of())));
    }

    @Test
    void leavesVllmsFieldsOutWhenThePlanSaysSoAndStreamOptionsOutOfAWholeChat() {
        assertEquals(json("""
                {"model":"gpt-4o","messages":[{"role":"user","content":"hi"}],"max_tokens":12,"stream":false}"""),
                body(new ChatCall(Scenario.CHAT_COMPLETIONS_NONSTREAM, "gpt-4o", HI, 9, 12, false, Map.of())));
    }

    // OpenAI's API reference: max_tokens "is not compatible with o-series models"; they take max_completion_tokens,
    // as the gpt-5 family does.
    @ParameterizedTest
    @CsvSource({"o1-mini, max_completion_tokens", "o3, max_completion_tokens", "o4-mini, max_completion_tokens",
            "gpt-5-nano, max_completion_tokens", "gpt-4o, max_tokens", "gpt-4.1, max_tokens", "codechat, max_tokens"})
    void namesTheChatOutputLimitAsTheModelTakesIt(String model, String field) {
        JsonObject body = body(new ChatCall(Scenario.CHAT_COMPLETIONS, model, HI, 9, 12, false, Map.of()));
        assertEquals(12, body.getInt(field));
        assertEquals(1, body.keySet().stream().filter(k -> k.startsWith("max_")).count(), body.toString());
    }

    @Test
    void streamsACompletionWithItsUsageAskingForTheOutputLengthEveryWay() {
        assertEquals(json("""
                {"model":"gpt-4o","prompt":"hi","max_tokens":12,"min_tokens":12,"ignore_eos":true,
                 "stream":true,"stream_options":{"include_usage":true}}"""),
                body(new ChatCall(Scenario.COMPLETIONS, "gpt-4o", HI, 9, 12, true, Map.of())));
    }

    @Test
    void asksAnEmbeddingForNoOutput() {
        assertEquals(json("""
                {"model":"text-embedding-3-small","input":"hi"}"""),
                body(new ChatCall(Scenario.EMBEDDINGS, "text-embedding-3-small", HI, 9, 0, true, Map.of())));
    }

    @Test
    void streamsAResponseAskingForTheOutputLengthAsMaxOutputTokens() {
        assertEquals(json("""
                {"model":"gpt-4o","input":"hi","max_output_tokens":20,"min_tokens":20,"ignore_eos":true,"stream":true}"""),
                body(new ChatCall(Scenario.RESPONSES, "gpt-4o", HI, 9, 20, true, Map.of())));
    }

    @Test
    void asksAResponseForAtLeastTheSixteenTokensOpenAiAcceptsAndForTheShorterLengthByVllmsField() {
        // OpenAI's CreateResponse schema: max_output_tokens has a minimum of 16.
        JsonObject body = body(new ChatCall(Scenario.RESPONSES, "gpt-4o", HI, 9, 2, true, Map.of()));
        assertEquals(List.of(16, 2), List.of(body.getInt("max_output_tokens"), body.getInt("min_tokens")));
    }

    static Stream<Arguments> conversations() {
        return Stream.of(Arguments.of(Scenario.CHAT_COMPLETIONS, "messages", """
                [{"role":"system","content":"Be brief."},
                 {"role":"user","content":[{"type":"text","text":"What is this?"},
                   {"type":"image_url","image_url":{"url":"https://example.com/cat.png","detail":"low"}}],"name":"ann"},
                 {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                   "function":{"name":"lookup","arguments":"{\\"q\\":\\"cat\\"}"}}]},
                 {"role":"user","content":"Thanks"}]"""), Arguments.of(Scenario.RESPONSES, "input", """
                [{"role":"system","content":"Be brief."},
                 {"role":"user","content":[{"type":"input_text","text":"What is this?"},
                   {"type":"input_image","image_url":"https://example.com/cat.png","detail":"low"}]},
                 {"role":"assistant","content":""},
                 {"role":"user","content":"Thanks"}]"""));
    }

    @ParameterizedTest
    @MethodSource("conversations")
    void sendsARecordedConversationAsTheMessagesOfItsApi(Scenario scenario, String field, String messages) {
        JsonObject body = body(new ChatCall(scenario, "gpt-4o", CONVERSATION, 40, 20, false, Map.of()));
        assertEquals(array(messages), body.get(field));
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void writesBodiesThatOpenAisSchemasAcceptWithoutVllmsFields(Scenario scenario) {
        ChatCall call = new ChatCall(scenario, "gpt-4o", HI, 9, scenario == Scenario.EMBEDDINGS ? 0 : 20, false, Map.of());
        String body = new String(RequestBody.of(call), StandardCharsets.UTF_8);
        assertEquals(List.of(), OpenApi.errors(OpenApi.requestSchema(scenario), body), body);
    }

    @Test
    void writesARecordedConversationAsOpenAisSchemasAcceptIt() {
        ChatCall chat = new ChatCall(Scenario.CHAT_COMPLETIONS, "gpt-4o", CONVERSATION, 40, 20, false, Map.of());
        String chatBody = new String(RequestBody.of(chat), StandardCharsets.UTF_8);
        assertEquals(List.of(), OpenApi.errors("CreateChatCompletionRequest", chatBody), chatBody);
        // The document's oneOf between EasyInputMessage and InputMessage matches a user message with a content list
        // twice, so CreateResponse refuses any such input; each message is held to the schema it is written for.
        JsonObject response = body(new ChatCall(Scenario.RESPONSES, "gpt-4o", CONVERSATION, 40, 20, false, Map.of()));
        for (JsonValue message : response.getJsonArray("input")) {
            assertEquals(List.of(), OpenApi.errors("EasyInputMessage", message.toString()), message.toString());
        }
    }

    private static JsonObject body(ChatCall call) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(RequestBody.of(call)))) {
            return reader.readObject();
        }
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static JsonArray array(String array) {
        try (JsonReader reader = Json.createReader(new StringReader(array))) {
            return reader.readArray();
        }
    }

    /** OpenAI's OpenAPI document on the test classpath; its components are JSON Schema 2020-12. */
    private static final class OpenApi {
        private static final String ID = "https://openapi.openai.invalid/openapi.json";
        private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(ID, read())));

        static String requestSchema(Scenario scenario) {
            return switch (scenario) {
                case CHAT_COMPLETIONS, CHAT_COMPLETIONS_NONSTREAM -> "CreateChatCompletionRequest";
                case COMPLETIONS -> "CreateCompletionRequest";
                case EMBEDDINGS -> "CreateEmbeddingRequest";
                case RESPONSES -> "CreateResponse";
            };
        }

        static List<String> errors(String component, String json) {
            return SCHEMAS.getSchema(SchemaLocation.of(ID + "#/components/schemas/" + component))
                    .validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
        }

        private static String read() {
            try (InputStream in = RequestBodyTest.class.getResourceAsStream("/openai/openapi.json")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("/openai/openapi.json is not on the test classpath", e);
            }
        }
    }
}
