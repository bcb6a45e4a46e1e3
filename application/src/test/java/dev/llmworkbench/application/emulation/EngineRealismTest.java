package dev.llmworkbench.application.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.application.emulation.port.EmulatorMetrics;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.chat.ChatRequest;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.OutputFormat;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.ToolChoice;
import dev.llmworkbench.domain.emulation.CachedTokensRule;
import dev.llmworkbench.domain.emulation.FailureInjection;
import dev.llmworkbench.domain.emulation.Jitter;
import dev.llmworkbench.domain.emulation.LatencyProfile;
import dev.llmworkbench.domain.emulation.TokenTiming;
import dev.llmworkbench.domain.models.ModelCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Jitter, reasoning tokens and the prefix cache, each seen in a request's schedule and usage. */
class EngineRealismTest {
    private static final long ARRIVAL = 1_000_000_000L;
    private static final long PREFILL_NANOS_PER_TOKEN = 1_000_000L;
    private static final String LONG_PROMPT = "word ".repeat(100);

    private final Engines engines = new Engines();

    private EmulateChatCompletion emulator(EngineSettings engine) {
        EmulatorSettings settings = new EmulatorSettings(new TokenTiming(Duration.ofMillis(100), Duration.ofMillis(50), 20),
                new LatencyProfile(Duration.ofNanos(PREFILL_NANOS_PER_TOKEN), 1.0, 1), FailureInjection.NONE,
                Duration.ofSeconds(10), Duration.ofSeconds(1), 1000, Duration.ofSeconds(60), engine);
        return new EmulateChatCompletion(new Emulator(new ModelCatalog(ModelCatalog.DEFAULT_IDS, false), settings, new InFlight(),
                EmulatorMetrics.NONE, Clock.systemUTC(), () -> new SplittableRandom(1), engines));
    }

    private static ChatCommand chat(String model, String content, OptionalLong seed, EngineOverrides overrides) {
        ChatRequest request = new ChatRequest(model, List.of(Message.text(Role.USER, content)), 1, OptionalInt.empty(),
                List.of(), seed, List.of(), new ToolChoice.Auto(), true, new OutputFormat.Text());
        return new ChatCommand(request, new TimingOverrides(OptionalLong.empty(), OptionalLong.empty(), OptionalInt.empty(),
                OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), OptionalDouble.empty(),
                OptionalInt.empty(), overrides), ARRIVAL);
    }

    private static EngineSettings engine(Jitter jitter, ReasoningTokens reasoning, int cacheBlocks) {
        return new EngineSettings(0, 0, jitter, reasoning, 16, cacheBlocks, CachedTokensRule.BLOCKS);
    }

    @Test
    void aSeededRequestRepeatsItsJitteredTiming() {
        EmulateChatCompletion emulate = emulator(engine(new Jitter(Duration.ofMillis(30), Duration.ofMillis(10)), ReasoningTokens.NONE, 0));
        Emulation first = emulate.emulate(chat("gpt-4o", "Hi", OptionalLong.of(7), EngineOverrides.NONE));
        first.finish();
        Emulation again = emulate.emulate(chat("gpt-4o", "Hi", OptionalLong.of(7), EngineOverrides.NONE));
        Emulation otherSeed = emulate.emulate(chat("gpt-4o", "Hi", OptionalLong.of(8), EngineOverrides.NONE));
        assertEquals(first.dueNanoTime(0), again.dueNanoTime(0));
        assertEquals(first.completeNanoTime(), again.completeNanoTime());
        assertNotEquals(first.dueNanoTime(0), otherSeed.dueNanoTime(0));
    }

    @Test
    void theStandardDeviationHeadersOverrideTheConfigurationWithinItsMaxima() {
        EmulateChatCompletion emulate = emulator(EngineSettings.NONE);
        Emulation plain = emulate.emulate(chat("gpt-4o", "Hi", OptionalLong.of(7), EngineOverrides.NONE));
        Emulation jittered = emulate.emulate(chat("gpt-4o", "Hi", OptionalLong.of(7),
                new EngineOverrides(OptionalLong.of(40), OptionalLong.empty(), OptionalInt.empty())));
        assertNotEquals(plain.dueNanoTime(0), jittered.dueNanoTime(0));
        var tooWide = assertThrows(InvalidRequestException.class, () -> emulate.emulate(chat("gpt-4o", "Hi", OptionalLong.empty(),
                new EngineOverrides(OptionalLong.empty(), OptionalLong.of(1001), OptionalInt.empty()))));
        assertEquals("X-ITL-STDDEV-MS", tooWide.param());
    }

    @Test
    void theMaximumDelayIsCheckedAtTheWorstTheJitterCanDo() {
        EmulateChatCompletion emulate = emulator(EngineSettings.NONE);
        OptionalInt none = OptionalInt.empty();
        ChatRequest request = new ChatRequest("gpt-4o", List.of(Message.text(Role.USER, "Hi")), 1, OptionalInt.empty(),
                List.of(), OptionalLong.empty(), List.of(), new ToolChoice.Auto(), true, new OutputFormat.Text());
        TimingOverrides calm = new TimingOverrides(OptionalLong.of(10_000), OptionalLong.of(1_000), OptionalInt.of(31),
                OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(), none, OptionalDouble.empty(), none, EngineOverrides.NONE);
        emulate.emulate(new ChatCommand(request, calm, ARRIVAL)).finish();
        TimingOverrides jittered = new TimingOverrides(OptionalLong.of(10_000), OptionalLong.of(1_000), OptionalInt.of(31),
                OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(), none, OptionalDouble.empty(), none,
                new EngineOverrides(OptionalLong.empty(), OptionalLong.of(100), none));
        var refused = assertThrows(InvalidRequestException.class, () -> emulate.emulate(new ChatCommand(request, jittered, ARRIVAL)));
        assertEquals("X-ITL-MS", refused.param(), "10 s + 30 gaps of 1 s fit in 60 s; 30 gaps of 1.7 s do not");
    }

    @Test
    void reasoningTokensByModelPatternAreHiddenTokensBeforeTheFirstVisibleOne() {
        EmulateChatCompletion emulate = emulator(engine(Jitter.NONE, ReasoningTokens.parse("o3*=10, gpt-5*=4"), 0));
        Emulation reasoning = emulate.emulate(chat("o3-mini", "Hi", OptionalLong.empty(), EngineOverrides.NONE));
        assertEquals(10, reasoning.usage().reasoningTokens());
        assertEquals(30, reasoning.usage().completionTokens(), "OpenAI counts reasoning tokens as completion tokens");
        int promptTokens = reasoning.usage().promptTokens();
        assertEquals(ARRIVAL + 100_000_000L + promptTokens * PREFILL_NANOS_PER_TOKEN + 10 * 50_000_000L, reasoning.dueNanoTime(0));

        Emulation plain = emulate.emulate(chat("gpt-4o", "Hi", OptionalLong.empty(), EngineOverrides.NONE));
        assertEquals(0, plain.usage().reasoningTokens());
        Emulation asked = emulate.emulate(chat("gpt-4o", "Hi", OptionalLong.empty(),
                new EngineOverrides(OptionalLong.empty(), OptionalLong.empty(), OptionalInt.of(3))));
        assertEquals(3, asked.usage().reasoningTokens());
        assertEquals(23, asked.usage().completionTokens());
    }

    @Test
    void aRepeatedPromptFindsItsBlocksCachedAndSkipsTheirPrefill() {
        EmulateChatCompletion emulate = emulator(engine(Jitter.NONE, ReasoningTokens.NONE, 1000));
        Emulation first = emulate.emulate(chat("gpt-4o", LONG_PROMPT, OptionalLong.empty(), EngineOverrides.NONE));
        Emulation second = emulate.emulate(chat("gpt-4o", LONG_PROMPT, OptionalLong.empty(), EngineOverrides.NONE));
        int promptTokens = first.usage().promptTokens();
        assertEquals(0, first.usage().cachedTokens());
        int cached = second.usage().cachedTokens();
        assertEquals(0, cached % 16, "whole blocks");
        assertEquals(true, cached >= promptTokens - 32 && cached < promptTokens, "all but the tail: " + cached + " of " + promptTokens);
        assertEquals(cached * PREFILL_NANOS_PER_TOKEN, first.dueNanoTime(0) - second.dueNanoTime(0));
        ModelStats stats = engines.all().iterator().next().stats();
        assertEquals(2L * promptTokens, stats.prefixCacheQueries());
        assertEquals(cached, stats.prefixCacheHits());
    }

    @Test
    void withTheCacheOffNothingIsCached() {
        EmulateChatCompletion emulate = emulator(EngineSettings.NONE);
        emulate.emulate(chat("gpt-4o", LONG_PROMPT, OptionalLong.empty(), EngineOverrides.NONE));
        assertEquals(0, emulate.emulate(chat("gpt-4o", LONG_PROMPT, OptionalLong.empty(), EngineOverrides.NONE)).usage().cachedTokens());
    }

    @Test
    void aResponseSentWholeCountsItsTokensAndFinishReason() {
        EmulateChatCompletion emulate = emulator(EngineSettings.NONE);
        Emulation emulation = emulate.emulate(chat("gpt-4o", "Hi", OptionalLong.empty(), EngineOverrides.NONE));
        emulation.completed();
        emulation.finish();
        ModelStats stats = engines.all().iterator().next().stats();
        assertEquals(1, stats.finished(ModelStats.FinishedReason.STOP));
        assertEquals(20, stats.generationTokens());
        assertEquals(emulation.usage().promptTokens(), stats.promptTokens());
        long[] ttft = stats.timeToFirstToken().cumulativeCounts();
        assertEquals(1, ttft[ttft.length - 1]);
        long[] itl = stats.interTokenLatency().cumulativeCounts();
        assertEquals(19, itl[itl.length - 1], "one gap between each two of 20 tokens");
        assertEquals(19 * 0.05, stats.interTokenLatency().sum(), 1e-9);
    }
}
