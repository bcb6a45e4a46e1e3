package dev.llmworkbench.application.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.application.emulation.port.EmulatorMetrics;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.NotFoundException;
import dev.llmworkbench.domain.chat.ChatRequest;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.OutputFormat;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.ToolChoice;
import dev.llmworkbench.domain.emulation.FailureInjection;
import dev.llmworkbench.domain.emulation.FailurePlan;
import dev.llmworkbench.domain.emulation.LatencyProfile;
import dev.llmworkbench.domain.emulation.TokenTiming;
import dev.llmworkbench.domain.models.ModelCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EmulateChatCompletionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final EmulatorSettings SETTINGS = new EmulatorSettings(
            new TokenTiming(Duration.ofMillis(100), Duration.ofMillis(50), 20),
            new LatencyProfile(Duration.ZERO, 2.0, 3), FailureInjection.NONE,
            Duration.ofSeconds(10), Duration.ofSeconds(1), 1000, Duration.ofSeconds(60), EngineSettings.NONE);

    private final InFlight inFlight = new InFlight();
    private final EmulateChatCompletion emulate = new EmulateChatCompletion(new Emulator(
            new ModelCatalog(ModelCatalog.DEFAULT_IDS, true), SETTINGS, inFlight, EmulatorMetrics.NONE, CLOCK,
            () -> new SplittableRandom(1), new Engines()));

    private static ChatCommand hello(String model, TimingOverrides overrides) {
        ChatRequest request = new ChatRequest(model, List.of(Message.text(Role.USER, "Hello")), 1, OptionalInt.empty(),
                List.of(), OptionalLong.empty(), List.of(), new ToolChoice.Auto(), true, new OutputFormat.Text());
        return new ChatCommand(request, overrides, 1_000_000_000L);
    }

    private static TimingOverrides output(int tokens) {
        return new TimingOverrides(OptionalLong.empty(), OptionalLong.empty(), OptionalInt.of(tokens), OptionalLong.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), OptionalDouble.empty(), OptionalInt.empty(), EngineOverrides.NONE);
    }

    @Test
    void answersWithTheDefaultTimingCountedFromArrival() {
        Emulation emulation = emulate.emulate(hello("gpt-4o", TimingOverrides.NONE));
        assertEquals(20, emulation.usage().completionTokens());
        assertEquals(8, emulation.usage().promptTokens());
        assertEquals(1_000_000_000L + 100_000_000L, emulation.dueNanoTime(0));
        assertEquals(1_000_000_000L + 100_000_000L + 19 * 50_000_000L, emulation.completeNanoTime());
        assertEquals(CLOCK.instant().getEpochSecond(), emulation.created());
        assertTrue(emulation.id().matches("chatcmpl-[A-Za-z0-9]{29}"));
    }

    @Test
    void aTokenAfterALateOneKeepsAFullGap() {
        Emulation emulation = emulate.emulate(hello("gpt-4o", TimingOverrides.NONE));
        long late = emulation.dueNanoTime(0) + 30_000_000L;
        emulation.stepSent(1, late);
        assertEquals(late + 50_000_000L, emulation.dueNanoTime(1));
    }

    @Test
    void requestsInFlightStretchLatencyAndFinishingReleasesThem() {
        Emulation first = emulate.emulate(hello("gpt-4o", TimingOverrides.NONE));
        emulate.emulate(hello("gpt-4o", TimingOverrides.NONE));
        Emulation third = emulate.emulate(hello("gpt-4o", TimingOverrides.NONE));
        assertEquals(3, inFlight.current());
        assertEquals(1_000_000_000L + 200_000_000L, third.dueNanoTime(0), "factor 2 reached at 3 in flight");
        first.finish();
        first.finish();
        assertEquals(2, inFlight.current());
    }

    @Test
    void headerLimitsAreTheCallersErrorNamingTheHeader() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> emulate.emulate(hello("gpt-4o", output(1001))));
        assertEquals("X-OUTPUT-LENGTH", e.param());
        assertEquals(0, inFlight.current(), "a rejected request never enters");
    }

    @Test
    void aFailStatusHeaderAloneFailsThisRequest() {
        TimingOverrides fail = new TimingOverrides(OptionalLong.empty(), OptionalLong.empty(), OptionalInt.empty(), OptionalLong.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.of(429), OptionalDouble.empty(), OptionalInt.empty(), EngineOverrides.NONE);
        assertInstanceOf(FailurePlan.Reject.class, emulate.emulate(hello("gpt-4o", fail)).failure());
    }

    @Test
    void embeddingModelsAndUnknownModelsAreNotChatModels() {
        assertThrows(NotFoundException.class, () -> emulate.emulate(hello("text-embedding-3-small", TimingOverrides.NONE)));
        assertEquals("model_not_found", assertThrows(NotFoundException.class,
                () -> emulate.emulate(hello("gpt-9", TimingOverrides.NONE))).code());
    }
}
