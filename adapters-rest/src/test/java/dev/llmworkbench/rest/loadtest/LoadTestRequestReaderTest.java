package dev.llmworkbench.rest.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.application.loadtest.LoadTestCommand;
import dev.llmworkbench.application.outbound.OutboundCheck;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.loadtest.RecordedPrompt;
import dev.llmworkbench.domain.outbound.AddressRange;
import dev.llmworkbench.domain.outbound.OutboundPolicy;
import dev.llmworkbench.rest.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadTestRequestReaderTest {
    private static final URI EMULATOR = URI.create("http://localhost:9181/v1");
    private static final String KEY = "sk-marker-0a1b2c3d4e5f";

    /** Every host allowed, each resolving to one public address, unless it is an address itself. */
    private static final OutboundCheck ANYWHERE = new OutboundCheck(OutboundPolicy.parse("0.0.0.0/0,::/0"),
            host -> List.of(AddressRange.literal(AddressRange.isLiteral(host) ? host : "93.184.216.34")));

    private static LoadTestCommand command(String json) {
        return LoadTestRequestReader.command(json.getBytes(StandardCharsets.UTF_8), new LoadTestTargets.DefaultTarget(EMULATOR, true),
                ANYWHERE);
    }

    private static JsonObject object(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static String param(String json) {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> command(json));
        return switch (refused) {
            case ApiException api -> api.param();
            case InvalidRequestException invalid -> invalid.param();
            default -> throw new AssertionError("not a 400 naming a field", refused);
        };
    }

    // The task runner's README gives these defaults; host defaults to this server's emulator instead of OpenAI.
    @Test
    void anEmptyBodyStoresThePlanWithEveryTaskRunnerDefault() {
        assertEquals(object("""
                {"model":"codechat","embedding_model":"text-embedding-3-small","host":"http://localhost:9181/v1",
                 "input_lens":"1,2","output_lens":"1,2","user":10,
                 "rate":10.0,"time_":"10s","tags":"chat_completions","remark":"","RANDOM_STRING":false,"ignore_eos":false,
                 "load":{"type":"concurrent"},"slo":{},"max_requests":null,"headers":{}}"""), object(command("{}").planDocument()));
    }

    // The emulator refuses vLLM's min_tokens and ignore_eos as OpenAI does; other targets get the plan's default.
    @Test
    void ignoreEosDefaultsToFalseForTheBuiltInEmulatorOnlyAndToTrueForAnyOtherTarget() {
        assertFalse(command("{}").plan().ignoreEos());
        assertTrue(command("{\"host\":\"http://localhost:8000/v1\"}").plan().ignoreEos());
        assertTrue(LoadTestRequestReader.command("{}".getBytes(StandardCharsets.UTF_8),
                new LoadTestTargets.DefaultTarget(URI.create("http://vllm:8000/v1"), false), ANYWHERE).plan().ignoreEos());
        assertTrue(command("{\"ignore_eos\":true}").plan().ignoreEos());
    }

    // OpenAI answers "Unrecognized request argument supplied: min_tokens"; Azure OpenAI serves OpenAI's API.
    @Test
    void ignoreEosDefaultsToFalseForOpenAiAndAzureOpenAi() {
        assertFalse(command("{\"host\":\"https://api.openai.com/v1\"}").plan().ignoreEos());
        assertFalse(command("{\"host\":\"https://my-resource.openai.azure.com/openai/v1\"}").plan().ignoreEos());
        assertTrue(command("{\"host\":\"https://api.openai.com/v1\",\"ignore_eos\":true}").plan().ignoreEos());
    }

    @Test
    void theTaskRunnersOwnExampleRunsAgainstItsHostWithItsKeyKeptOutOfThePlan() {
        LoadTestCommand command = command("""
                {"model":"codechat","input_lens":"1,2","output_lens":"1,2","user":10,"rate":10,"time_":"10s",
                 "tags":"chat_completions","remark":"","host":"https://api.openai.com","RANDOM_STRING":false,"API_KEY":"%s"}"""
                .formatted(KEY));
        assertEquals(URI.create("https://api.openai.com"), command.plan().target());
        assertEquals(Optional.of(KEY), command.apiKey());
        assertFalse(command.planDocument().contains(KEY));
        assertFalse(command.toString().contains(KEY));
    }

    @Test
    void lengthsMayBeANumberOrAnArrayOfNumbersAndAreStoredAsTheTaskRunnersString() {
        JsonObject plan = object(command("{\"input_lens\":128,\"output_lens\":[16,32]}").planDocument());
        assertEquals("128", plan.getString("input_lens"));
        assertEquals("16,32", plan.getString("output_lens"));
    }

    @Test
    void theExtensionsAreStoredAsGivenAndAPromptFileOnlyByItsNumberOfLines() {
        JsonObject plan = object(command("""
                {"load":{"type":"constant"},"slo":{"ttft_ms":200,"latency_ms":1500.5},"max_requests":50,"ignore_eos":false,
                 "headers":{"X-TTFT-MS":"100"},"prompts":"{\\"prompt\\":\\"secret line\\"}\\n\\n{\\"prompt\\":\\"two\\"}\\n"}""").planDocument());
        assertEquals(object("""
                {"load":{"type":"constant"},"slo":{"ttft_ms":200.0,"latency_ms":1500.5},"max_requests":50,"ignore_eos":false,
                 "headers":{"X-TTFT-MS":"100"},"prompts":{"lines":2}}"""), object(plan.entrySet().stream()
                .filter(e -> List.of("load", "slo", "max_requests", "ignore_eos", "headers", "prompts").contains(e.getKey()))
                .collect(Json::createObjectBuilder, (b, e) -> b.add(e.getKey(), e.getValue()), (a, b) -> { }).build().toString()));
        assertFalse(plan.toString().contains("secret line"));
    }

    @Test
    void promptsReadAsJsonlOrAsAnArrayOfPromptsAndConversations() {
        List<RecordedPrompt> prompts = command("""
                {"prompts":[{"prompt":"Hi"},{"messages":[{"role":"system","content":"Be brief."},
                 {"role":"user","content":[{"type":"text","text":"Hello"}]}]}]}""").plan().prompts();
        assertEquals(new RecordedPrompt.Text("Hi"), prompts.get(0));
        RecordedPrompt.Conversation conversation = (RecordedPrompt.Conversation) prompts.get(1);
        assertEquals(List.of(Role.SYSTEM, Role.USER), conversation.messages().stream().map(m -> m.role()).toList());
    }

    @Test
    void headersReachThePlan() {
        assertEquals(Map.of("X-FAIL-RATE", "0.2"), command("{\"headers\":{\"X-FAIL-RATE\":\"0.2\"}}").plan().headers());
    }

    @ParameterizedTest(name = "{0} -> param {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"max_request\":5}                       | max_request",
            "{\"API_key\":\"x\"}                       | API_key",
            "{\"user\":\"10\"}                          | user",
            "{\"user\":10.5}                           | user",
            "{\"rate\":\"fast\"}                        | rate",
            "{\"time_\":10}                            | time_",
            "{\"time_\":\"ten seconds\"}                | time_",
            "{\"RANDOM_STRING\":\"false\"}              | RANDOM_STRING",
            "{\"input_lens\":\"1,x\"}                   | input_lens",
            "{\"input_lens\":\"0\"}                     | input_lens",
            "{\"output_lens\":[1,\"2\"]}                | output_lens[1]",
            "{\"output_lens\":{}}                      | output_lens",
            "{\"load\":{\"type\":\"ramp\"}}              | load.type",
            "{\"load\":{\"kind\":\"constant\"}}          | load.kind",
            "{\"load\":\"constant\"}                    | load",
            "{\"slo\":{\"ttft\":100}}                   | slo.ttft",
            "{\"slo\":{\"ttft_ms\":\"100\"}}             | slo.ttft_ms",
            "{\"slo\":{\"ttft_ms\":0}}                  | slo.ttft_ms",
            "{\"max_requests\":0}                      | max_requests",
            "{\"host\":\"ftp://example.com\"}           | host",
            "{\"host\":\"http://user:pw@example.com\"}  | host",
            "{\"host\":\"not a url\"}                   | host",
            "{\"tags\":\"chat,unknown\"}                | tags",
            "{\"headers\":{\"Authorization\":\"Bearer x\"}} | headers",
            "{\"headers\":{\"X-TTFT-MS\":100}}          | headers.X-TTFT-MS",
            "{\"prompts\":\"{\\\"prompt\\\":1}\"}       | prompts[0].prompt",
            "{\"prompts\":\"not json\"}                 | prompts[0]",
            "{\"prompts\":[{\"prompt\":\"a\",\"messages\":[]}]} | prompts[0]",
            "{\"prompts\":[{\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}]} | prompts[0].messages[0].role",
            "{\"prompts\":[]}                          | prompts",
            "{\"ignore_eos\":1}                        | ignore_eos",
    })
    void aBadFieldIsRefusedByName(String body, String param) {
        assertEquals(param, param(body));
    }

    @Test
    void aBodyThatIsNotOneJsonObjectIsRefused() {
        assertThrows(ApiException.class, () -> command("{\"user\":"));
        assertThrows(ApiException.class, () -> command("[]"));
    }

    @Test
    void aNullFieldTakesItsDefault() {
        assertTrue(command("{\"user\":null,\"remark\":null}").planDocument().contains("\"user\":10"));
    }

    @Test
    void aHostAtTheCloudMetadataAddressIsRefusedNamingHostThoughEveryAddressIsAllowed() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> command("{\"host\":\"http://169.254.169.254/latest/meta-data\"}"));
        assertEquals("host", refused.param());
    }

    @Test
    void noHostIsTheBuiltInEmulatorAndIsNotCheckedAsACallersTarget() {
        OutboundCheck nowhere = new OutboundCheck(OutboundPolicy.parse("10.0.0.0/8"), host -> List.of());
        assertEquals(EMULATOR, LoadTestRequestReader.command("{}".getBytes(StandardCharsets.UTF_8),
                new LoadTestTargets.DefaultTarget(EMULATOR, true), nowhere).plan().target());
    }
}
