package dev.llmworkbench.application.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.application.emulation.port.EmulatorMetrics;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.chat.ChatRequest;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.OutputFormat;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.ToolChoice;
import dev.llmworkbench.domain.completion.CompletionRequest;
import dev.llmworkbench.domain.embedding.EmbeddingInput;
import dev.llmworkbench.domain.emulation.FailureInjection;
import dev.llmworkbench.domain.emulation.LatencyProfile;
import dev.llmworkbench.domain.emulation.TokenTiming;
import dev.llmworkbench.domain.models.ModelCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 15: every header and prompt is checked before arithmetic, and a refused request never stays in flight. */
class EmulatorLimitsTest {
    /** The README's defaults: TTFT 100 ms, ITL 50 ms, 20 tokens, maxima 600 s, 60 s, 32768, and 600 s in total. */
    private static final EmulatorSettings SETTINGS = new EmulatorSettings(
            new TokenTiming(Duration.ofMillis(100), Duration.ofMillis(50), 20),
            new LatencyProfile(Duration.ZERO, 1.0, 100), FailureInjection.NONE,
            Duration.ofSeconds(600), Duration.ofSeconds(60), 32768, Duration.ofSeconds(600), EngineSettings.NONE);

    private final InFlight inFlight = new InFlight();
    private final Emulator emulator = new Emulator(new ModelCatalog(ModelCatalog.DEFAULT_IDS, true), SETTINGS, inFlight,
            EmulatorMetrics.NONE, Clock.systemUTC(), () -> new SplittableRandom(1), new Engines());
    private final EmulateChatCompletion chat = new EmulateChatCompletion(emulator);

    private static ChatCommand chat(String model, String content, TimingOverrides overrides) {
        ChatRequest request = new ChatRequest(model, List.of(Message.text(Role.USER, content)), 1, OptionalInt.empty(),
                List.of(), OptionalLong.empty(), List.of(), new ToolChoice.Auto(), true, new OutputFormat.Text());
        return new ChatCommand(request, overrides, System.nanoTime());
    }

    private static TimingOverrides headers(Long itlMs, Integer outputLength, Long prefillMicros, Double loadFactor) {
        return new TimingOverrides(OptionalLong.empty(), itlMs == null ? OptionalLong.empty() : OptionalLong.of(itlMs),
                outputLength == null ? OptionalInt.empty() : OptionalInt.of(outputLength),
                prefillMicros == null ? OptionalLong.empty() : OptionalLong.of(prefillMicros),
                loadFactor == null ? OptionalDouble.empty() : OptionalDouble.of(loadFactor),
                OptionalDouble.empty(), OptionalInt.empty(), OptionalDouble.empty(), OptionalInt.empty(), EngineOverrides.NONE);
    }

    private void assertRefusedNaming(String header, TimingOverrides overrides) {
        int before = inFlight.current();
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> chat.emulate(chat("gpt-4o", "Hello", overrides)));
        assertEquals(header, e.param(), e.getMessage());
        assertEquals(before, inFlight.current(), "a refused request leaves no trace in the in-flight count");
    }

    @ParameterizedTest
    @ValueSource(longs = {999_999_999_999_999_999L, 9_223_372_036_854_776L, 100_000_000L})
    void aPrefillCostThatOverflowsOrPassesTheMaximumIsRefusedNamingTheHeader(long micros) {
        // 100,000,000 µs x 8 prompt tokens held a request 800 s (issue 15)
        assertRefusedNaming("X-PREFILL-US-PER-TOKEN", headers(null, null, micros, null));
    }

    @Test
    void aHugeLoadFactorIsRefusedOnceAnotherRequestIsInFlight() {
        TimingOverrides huge = headers(null, null, null, 999_999_999.0);
        Emulation alone = chat.emulate(chat("gpt-4o", "Hello", huge));
        assertEquals(1, inFlight.current(), "alone, the multiplier is 1");
        assertRefusedNaming("X-LOAD-FACTOR", huge);
        alone.finish();
        assertEquals(0, inFlight.current());
    }

    @Test
    void theGapsOfALongAnswerNameTheHeaderThatMadeThemTooLong() {
        // 100 ms + 12,000 x 50 ms > 600 s: the output length pushed it over, or the gap if the request set one
        assertRefusedNaming("X-OUTPUT-LENGTH", headers(null, 12_002, null, null));
        assertRefusedNaming("X-ITL-MS", headers(60_000L, 20, null, null));
    }

    @Test
    void aPromptPastTheContextWindowIsRefusedWithOpenAisCode() {
        // gpt-4 takes 8,192 tokens; " hello" is one cl100k token
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> chat.emulate(chat("gpt-4", " hello".repeat(9000), TimingOverrides.NONE)));
        assertEquals("context_length_exceeded", e.code());
        assertEquals("messages", e.param());
        assertEquals(0, inFlight.current());
    }

    @Test
    void completionPromptsAreCheckedOneByOneAndTheirTokenIdsAgainstTheEncoding() {
        EmulateTextCompletion completions = new EmulateTextCompletion(emulator);
        CompletionRequest tooLong = new CompletionRequest("gpt-3.5-turbo-instruct",
                List.of(new EmbeddingInput.Text("a"), new EmbeddingInput.Text(" hello".repeat(5000))),
                1, OptionalInt.empty(), List.of(), OptionalLong.empty(), false);
        assertEquals("context_length_exceeded", assertThrows(InvalidRequestException.class,
                () -> completions.emulate(new CompletionCommand(tooLong, TimingOverrides.NONE, System.nanoTime()))).code());
        CompletionRequest unknownId = new CompletionRequest("gpt-3.5-turbo-instruct",
                List.of(new EmbeddingInput.Tokens(new int[] {100_261})), 1, OptionalInt.empty(), List.of(), OptionalLong.empty(), false);
        assertEquals("prompt", assertThrows(InvalidRequestException.class,
                () -> completions.emulate(new CompletionCommand(unknownId, TimingOverrides.NONE, System.nanoTime()))).param());
        assertEquals(0, inFlight.current());
    }

    @Test
    void embeddingsRefuseAnEmptyStringAndTooManyTokensInTotal() {
        assertEquals("input", assertThrows(InvalidRequestException.class, () -> new EmbeddingCommand("text-embedding-3-small",
                List.of(new EmbeddingInput.Text("")), OptionalInt.empty())).param());
        // 40 inputs of 8,000 tokens each: every one fits its 8,192 window, the 320,000 together pass OpenAI's 300,000
        EmbeddingInput large = new EmbeddingInput.Text(" hello".repeat(8000));
        EmbeddingCommand many = new EmbeddingCommand("text-embedding-3-small", Collections.nCopies(40, large), OptionalInt.empty());
        assertEquals("max_tokens_per_request", assertThrows(InvalidRequestException.class,
                () -> new CreateEmbeddings(emulator).embed(many)).code());
    }

    @Test
    void aRequestLeavesTheInFlightCountExactlyOnceHoweverOftenItIsFinished() {
        Emulation emulation = chat.emulate(chat("gpt-4o", "Hello", TimingOverrides.NONE));
        assertEquals(1, inFlight.current());
        emulation.finish();
        emulation.finish();
        assertEquals(0, inFlight.current());
    }
}
