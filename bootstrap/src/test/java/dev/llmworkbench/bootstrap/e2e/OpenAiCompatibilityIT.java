package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.models.Model;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What real clients send: model ids of their own, every documented argument, and the headers the SDKs read. */
class OpenAiCompatibilityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]";

    /** The ids the replaced tools send: the BentoML emulator's vision example, the task runner's default, the batch guide's default. */
    @ParameterizedTest
    @ValueSource(strings = {"gpt-4-vision-preview", "codechat", "google/gemma-3-4b-it"})
    void aModelIdOfTheCallersOwnIsServedUnderItsName(String model) throws Exception {
        ChatCompletion completion = Server.openAi().chat().completions().create(ChatCompletionCreateParams.builder()
                .model(ChatModel.of(model)).addUserMessage("Hello").putAdditionalHeader("X-OUTPUT-LENGTH", "7").build());
        assertEquals(model, completion.model());
        assertEquals(7, completion.usage().orElseThrow().completionTokens());
        // Raw HTTP: the SDK escapes the slash of "google/gemma-3-4b-it" as %2F, which the web container refuses in any path.
        HttpResponse<String> found = Server.get("/v1/models/" + model);
        assertEquals(200, found.statusCode(), found.body());
        assertEquals(model, JSON.readTree(found.body()).path("id").asText());
    }

    @Test
    void theModelListHoldsTheConfiguredModelsOnly() throws Exception {
        List<String> ids = Server.openAi().models().list().data().stream().map(Model::id).toList();
        assertTrue(ids.contains("gpt-4o"), ids.toString());
        assertFalse(ids.contains("codechat"), ids.toString());
    }

    @Test
    void everyAnswerCarriesTheHeadersTheSdksRead() throws Exception {
        HttpResponseFor<ChatCompletion> raw = Server.openAi().chat().completions().withRawResponse().create(ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O).addUserMessage("Hello").putAdditionalHeader("X-TTFT-MS", "120").putAdditionalHeader("X-ITL-MS", "0").build());
        String id = raw.requestId().orElseThrow();
        assertTrue(id.matches("req_[0-9a-f]{32}"), id);
        assertEquals("2020-10-01", raw.headers().values("openai-version").getFirst());
        assertTrue(Long.parseLong(raw.headers().values("openai-processing-ms").getFirst()) >= 120, "processing time includes the emulated delay");
        raw.parse();
        for (HttpResponse<String> answer : List.of(Server.get("/v1/models"), Server.postJson("/v1/chat/completions", "{\"model\":1}"),
                Server.postJson("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"stream\":true," + USER + "}"))) {
            assertTrue(answer.headers().firstValue("x-request-id").orElseThrow().startsWith("req_"), answer.uri().toString());
            assertTrue(answer.headers().firstValue("openai-processing-ms").isPresent(), answer.uri().toString());
            assertEquals("2020-10-01", answer.headers().firstValue("openai-version").orElseThrow());
        }
    }

    static Stream<Arguments> acceptedArguments() {
        return Stream.of(
                Arguments.of("\"user\":\"user-1234\",\"store\":true,\"metadata\":{\"team\":\"search\"}", "default"),
                Arguments.of("\"service_tier\":\"flex\"", "flex"),
                Arguments.of("\"service_tier\":\"auto\"", "default"),
                Arguments.of("\"modalities\":[\"text\"],\"verbosity\":\"low\",\"safety_identifier\":\"abc\",\"prompt_cache_key\":\"k\"", "default"),
                Arguments.of("\"prediction\":{\"type\":\"content\",\"content\":\"Hello there\"}", "default"),
                Arguments.of("\"prediction\":{\"type\":\"content\",\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}]}", "default"),
                Arguments.of("\"web_search_options\":{},\"parallel_tool_calls\":false,\"logit_bias\":{\"50256\":-100}", "default"));
    }

    @ParameterizedTest
    @MethodSource("acceptedArguments")
    void documentedArgumentsAreAcceptedAndTheServiceTierEchoed(String arguments, String tier) throws Exception {
        HttpResponse<String> answer = Server.postJson("/v1/chat/completions", "{\"model\":\"gpt-4o\"," + arguments + "," + USER + "}");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(tier, JSON.readTree(answer.body()).path("service_tier").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"o3-mini", "gpt-5", "codechat"})
    void reasoningEffortIsAcceptedOnReasoningModels(String model) throws Exception {
        HttpResponse<String> answer = Server.postJson("/v1/chat/completions", "{\"model\":\"" + model + "\",\"reasoning_effort\":\"high\"," + USER + "}");
        assertEquals(200, answer.statusCode(), answer.body());
    }

    static Stream<Arguments> refusedArguments() {
        return Stream.of(
                Arguments.of("\"model\":\"gpt-4o\",\"reasoning_effort\":\"high\"", "reasoning_effort", "unsupported_parameter"),
                Arguments.of("\"model\":\"o3-mini\",\"reasoning_effort\":\"extreme\"", "reasoning_effort", null),
                Arguments.of("\"model\":\"gpt-4o\",\"modalities\":[\"text\",\"audio\"]", "modalities[1]", "unsupported_parameter"),
                Arguments.of("\"model\":\"gpt-4o\",\"audio\":{\"voice\":\"alloy\",\"format\":\"wav\"}", "audio", "unsupported_parameter"),
                Arguments.of("\"model\":\"gpt-4o\",\"max_completion_tokens\":-1", "max_completion_tokens", null),
                Arguments.of("\"model\":\"gpt-4o\",\"service_tier\":\"gold\"", "service_tier", null),
                Arguments.of("\"model\":\"gpt-4o\",\"store\":\"yes\"", "store", null),
                Arguments.of("\"model\":\"gpt-4o\",\"metadata\":{\"n\":1}", "metadata.n", null),
                Arguments.of("\"model\":\"gpt-4o\",\"prediction\":{\"type\":\"content\"}", "prediction.content", null),
                Arguments.of("\"model\":\"gpt-4o\",\"verbosity\":3", "verbosity", null),
                Arguments.of("\"model\":\"gpt-4o\",\"web_search_options\":\"on\"", "web_search_options", null));
    }

    @ParameterizedTest
    @MethodSource("refusedArguments")
    void badArgumentsAre400NamingTheArgumentSent(String arguments, String param, String code) throws Exception {
        HttpResponse<String> answer = Server.postJson("/v1/chat/completions", "{" + arguments + "," + USER + "}");
        assertEquals(400, answer.statusCode(), answer.body());
        JsonNode error = JSON.readTree(answer.body()).path("error");
        assertEquals(param, error.path("param").asText(), answer.body());
        assertEquals(code == null ? "null" : code, error.path("code").isNull() ? "null" : error.path("code").asText(), answer.body());
        assertEquals("invalid_request_error", error.path("type").asText());
    }
}
