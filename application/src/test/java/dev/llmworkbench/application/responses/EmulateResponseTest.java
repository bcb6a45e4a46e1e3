package dev.llmworkbench.application.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.application.emulation.Emulator;
import dev.llmworkbench.application.emulation.EngineOverrides;
import dev.llmworkbench.application.emulation.EngineSettings;
import dev.llmworkbench.application.emulation.Engines;
import dev.llmworkbench.application.emulation.EmulatorSettings;
import dev.llmworkbench.application.emulation.InFlight;
import dev.llmworkbench.application.emulation.TimingOverrides;
import dev.llmworkbench.application.emulation.port.EmulatorMetrics;
import dev.llmworkbench.application.responses.port.StoredResponses;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.NotFoundException;
import dev.llmworkbench.domain.chat.OutputFormat;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.Schema;
import dev.llmworkbench.domain.chat.TextPart;
import dev.llmworkbench.domain.chat.ToolChoice;
import dev.llmworkbench.domain.chat.ToolDefinition;
import dev.llmworkbench.domain.emulation.FailureInjection;
import dev.llmworkbench.domain.emulation.LatencyProfile;
import dev.llmworkbench.domain.emulation.TokenTiming;
import dev.llmworkbench.domain.models.ModelCatalog;
import dev.llmworkbench.domain.responses.ModelResponse;
import dev.llmworkbench.domain.responses.ResponseItem;
import dev.llmworkbench.domain.responses.ResponseRequest;
import dev.llmworkbench.domain.responses.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EmulateResponseTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final EmulatorSettings SETTINGS = new EmulatorSettings(
            new TokenTiming(Duration.ofMillis(100), Duration.ofMillis(50), 20),
            new LatencyProfile(Duration.ZERO, 1.0, 100), FailureInjection.NONE,
            Duration.ofSeconds(10), Duration.ofSeconds(1), 1000, Duration.ofSeconds(60), EngineSettings.NONE);

    /** The port's simplest adapter, a map: the use cases are tested without any real store. */
    private static final class MapStore implements StoredResponses {
        final Map<String, ModelResponse> map = new HashMap<>();

        public void save(ModelResponse response) {
            map.put(response.id(), response);
        }

        public Optional<ModelResponse> find(String id) {
            return Optional.ofNullable(map.get(id));
        }

        public boolean delete(String id) {
            return map.remove(id) != null;
        }
    }

    private final MapStore store = new MapStore();
    private final InFlight inFlight = new InFlight();
    /** One generator for the whole test, as production's is per thread: each id drawn differs. */
    private final SplittableRandom random = new SplittableRandom(7);
    private final EmulateResponse emulate = new EmulateResponse(new Emulator(new ModelCatalog(ModelCatalog.DEFAULT_IDS, true), SETTINGS,
            inFlight, EmulatorMetrics.NONE, CLOCK, () -> random, new Engines()), store);

    private static ResponseItem user(String text) {
        return new ResponseItem.InputMessage(null, Role.USER, List.of(new TextPart(text)));
    }

    private static ResponseRequest request(List<ResponseItem> input, Optional<String> previous, OptionalInt max, boolean store) {
        return new ResponseRequest("gpt-4o", Optional.empty(), input, max, List.of(), new ToolChoice.Auto(), true, new OutputFormat.Text(),
                previous, store, Map.of());
    }

    private static TimingOverrides output(int tokens) {
        return new TimingOverrides(OptionalLong.empty(), OptionalLong.empty(), OptionalInt.of(tokens), OptionalLong.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), OptionalDouble.empty(), OptionalInt.empty(), EngineOverrides.NONE);
    }

    private ResponseEmulation run(ResponseRequest request, int tokens) {
        ResponseEmulation started = emulate.emulate(new ResponseCommand(request, output(tokens), 0));
        started.emulation().finish();
        return started;
    }

    @Test
    void countsTheInputAsChatCountsTheSameMessage() {
        ModelResponse response = run(request(List.of(user("Hello")), Optional.empty(), OptionalInt.empty(), true), 5).response();
        // OpenAI cookbook: 3 per message + "user" + "Hello" + 3 to prime the reply = 8, as chat bills it
        assertEquals(8, response.usage().promptTokens());
        assertEquals(5, response.usage().completionTokens());
        assertTrue(response.id().startsWith("resp_"));
        assertTrue(response.input().getFirst().id().startsWith("msg_"));
        assertEquals(Status.COMPLETED, response.status());
        assertEquals(response, store.map.get(response.id()));
    }

    @Test
    void maxOutputTokensCutsTheAnswerAndMarksItIncomplete() {
        ModelResponse response = run(request(List.of(user("Hello")), Optional.empty(), OptionalInt.of(16), true), 40).response();
        assertEquals(16, response.usage().completionTokens());
        assertEquals(Status.INCOMPLETE, response.status());
    }

    @Test
    void aContinuationCountsTheEarlierInputAndOutputInItsPrompt() {
        ModelResponse first = run(request(List.of(user("Hello")), Optional.empty(), OptionalInt.empty(), true), 5).response();
        ModelResponse second = run(request(List.of(user("Hello")), Optional.of(first.id()), OptionalInt.empty(), true), 5).response();
        // the earlier turn adds its user message (3 + 1 + 1) and its 5-token assistant answer (3 + 1 + 5)
        assertEquals(8 + 5 + 9, second.usage().promptTokens());
        assertEquals(3, second.inputItems().size());
        assertEquals(first.output().getFirst(), second.inputItems().get(1));
    }

    @Test
    void aResponseNotStoredCannotBeContinued() {
        ModelResponse unstored = run(request(List.of(user("Hello")), Optional.empty(), OptionalInt.empty(), false), 5).response();
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> run(request(List.of(user("Hi")), Optional.of(unstored.id()), OptionalInt.empty(), true), 5));
        assertEquals("previous_response_id", missing.param());
        assertEquals(0, inFlight.current());
    }

    @Test
    void aForcedFunctionAnswersWithAFunctionCallItem() {
        ToolDefinition weather = new ToolDefinition("get_weather", "", new Schema.ObjectSchema("",
                Map.of("city", Schema.StringSchema.plain("")), List.of("city")));
        ResponseRequest request = new ResponseRequest("gpt-4o", Optional.empty(), List.of(user("Weather?")), OptionalInt.empty(),
                List.of(weather), new ToolChoice.Required(), true, new OutputFormat.Text(), Optional.empty(), true, Map.of());
        ResponseItem.FunctionCall call = assertInstanceOf(ResponseItem.FunctionCall.class, run(request, 5).response().output().getFirst());
        assertEquals("get_weather", call.name());
        assertTrue(call.id().startsWith("fc_"));
        assertTrue(call.callId().startsWith("call_"));
        assertTrue(call.arguments().startsWith("{\"city\":\""), call.arguments());
    }

    @Test
    void jsonModeNeedsTheWordJsonSomewhereInTheInputAsOpenAiRequires() {
        ResponseRequest withoutWord = new ResponseRequest("gpt-4o", Optional.of("Be brief."), List.of(user("Hello")), OptionalInt.empty(),
                List.of(), new ToolChoice.Auto(), true, new OutputFormat.JsonObject(), Optional.empty(), true, Map.of());
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> run(withoutWord, 5));
        assertEquals("input", refused.param());
        ResponseRequest withWord = new ResponseRequest("gpt-4o", Optional.of("Answer in JSON."), List.of(user("Hello")), OptionalInt.empty(),
                List.of(), new ToolChoice.Auto(), true, new OutputFormat.JsonObject(), Optional.empty(), true, Map.of());
        String text = ((ResponseItem.OutputMessage) run(withWord, 30).response().output().getFirst()).text();
        assertTrue(text.startsWith("{") && text.endsWith("}"), text);
    }

    @Test
    void anInputPastTheModelsContextWindowIsRefusedNamingTheInput() {
        // gpt-4's window is 8,192 tokens (OpenAI's model page); 9,000 " hello" are 9,000 cl100k tokens
        ResponseRequest request = new ResponseRequest("gpt-4", Optional.empty(), List.of(user(" hello".repeat(9_000))), OptionalInt.empty(),
                List.of(), new ToolChoice.Auto(), true, new OutputFormat.Text(), Optional.empty(), true, Map.of());
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> run(request, 5));
        assertEquals("input", refused.param());
        assertEquals("context_length_exceeded", refused.code());
        assertEquals(0, inFlight.current());
    }

    @Test
    void maxOutputTokensBelowSixteenIsRejectedAsOpenAiDoes() {
        InvalidRequestException rejected = assertThrows(InvalidRequestException.class,
                () -> request(List.of(user("Hello")), Optional.empty(), OptionalInt.of(15), true));
        assertEquals("max_output_tokens", rejected.param());
    }

    @Test
    void inputItemsPageNewestFirstAfterAGivenItem() {
        ModelResponse response = run(request(List.of(user("a"), user("b"), user("c")), Optional.empty(), OptionalInt.empty(), true), 1).response();
        ListInputItems list = new ListInputItems(store);
        ItemPage first = list.list(response.id(), new ItemQuery(2, false, Optional.empty()));
        assertEquals(List.of(response.input().get(2), response.input().get(1)), first.items());
        assertTrue(first.hasMore());
        ItemPage rest = list.list(response.id(), new ItemQuery(2, false, Optional.of(first.items().getLast().id())));
        assertEquals(List.of(response.input().get(0)), rest.items());
        assertEquals(false, rest.hasMore());
    }

    @Test
    void aDeletedResponseIsGone() {
        ModelResponse response = run(request(List.of(user("Hello")), Optional.empty(), OptionalInt.empty(), true), 1).response();
        new DeleteResponse(store).delete(response.id());
        assertThrows(NotFoundException.class, () -> new GetResponse(store).get(response.id()));
        assertThrows(NotFoundException.class, () -> new DeleteResponse(store).delete(response.id()));
    }
}
