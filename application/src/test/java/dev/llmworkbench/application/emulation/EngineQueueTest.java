package dev.llmworkbench.application.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.application.emulation.port.EmulatorMetrics;
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
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Batch slots and the waiting queue: {@code max-num-seqs} 2, {@code max-waiting} 1, load factor 2 at 2 running. */
class EngineQueueTest {
    private static final long ARRIVAL = 1_000_000_000L;
    private static final EmulatorSettings SETTINGS = new EmulatorSettings(
            new TokenTiming(Duration.ofMillis(100), Duration.ofMillis(50), 20),
            new LatencyProfile(Duration.ZERO, 2.0, 2), FailureInjection.NONE,
            Duration.ofSeconds(10), Duration.ofSeconds(1), 1000, Duration.ofSeconds(60),
            new EngineSettings(2, 1, Jitter.NONE, ReasoningTokens.NONE, 16, 0, CachedTokensRule.OPENAI));

    private final InFlight inFlight = new InFlight();
    private final Engines engines = new Engines();
    private final EmulateChatCompletion emulate = new EmulateChatCompletion(new Emulator(
            new ModelCatalog(ModelCatalog.DEFAULT_IDS, false), SETTINGS, inFlight, EmulatorMetrics.NONE, Clock.systemUTC(),
            () -> new SplittableRandom(1), engines));

    private Emulation hello(String model) {
        ChatRequest request = new ChatRequest(model, List.of(Message.text(Role.USER, "Hello")), 1, OptionalInt.empty(),
                List.of(), OptionalLong.empty(), List.of(), new ToolChoice.Auto(), true, new OutputFormat.Text());
        return emulate.emulate(new ChatCommand(request, TimingOverrides.NONE, ARRIVAL));
    }

    private ModelEngine engine(String model) {
        return engines.all().stream().filter(engine -> engine.model().equals(model)).findFirst().orElseThrow();
    }

    @Test
    void aRequestBeyondTheBatchWaitsAndIsAdmittedWhenASlotFrees() {
        Emulation first = hello("gpt-4o");
        hello("gpt-4o");
        Emulation third = hello("gpt-4o");
        assertFalse(third.isAdmitted());
        assertEquals(2, engine("gpt-4o").running());
        assertEquals(1, engine("gpt-4o").waiting());
        AtomicInteger delivered = new AtomicInteger();
        third.whenAdmitted(delivered::incrementAndGet);
        assertEquals(0, delivered.get());

        long freed = System.nanoTime();
        first.finish();
        assertTrue(third.isAdmitted());
        assertEquals(1, delivered.get());
        assertEquals(0, engine("gpt-4o").waiting());
        long due = third.dueNanoTime(0);
        assertTrue(due >= freed + 200_000_000L, "TTFT, doubled at 2 running, counts from admission, not arrival");
    }

    @Test
    void aRequestFindingTheQueueFullIsRefusedAndLeaves() {
        hello("gpt-4o");
        hello("gpt-4o");
        hello("gpt-4o");
        assertThrows(WaitingQueueFullException.class, () -> hello("gpt-4o"));
        assertEquals(3, inFlight.current());
        assertEquals(1, engine("gpt-4o").waiting());
    }

    @Test
    void eachModelHasAnEngineOfItsOwn() {
        hello("gpt-4o");
        hello("gpt-4o");
        Emulation other = hello("gpt-4o-mini");
        assertTrue(other.isAdmitted());
        assertEquals(ARRIVAL + 100_000_000L, other.dueNanoTime(0), "alone in its batch, so no load");
    }

    @Test
    void aWaitingRequestThatGivesUpLeavesTheQueueAndTakesNoSlot() {
        Emulation first = hello("gpt-4o");
        hello("gpt-4o");
        Emulation waiting = hello("gpt-4o");
        waiting.finish();
        assertEquals(0, engine("gpt-4o").waiting());
        first.finish();
        assertEquals(1, engine("gpt-4o").running());
        assertEquals(2, engine("gpt-4o").stats().finished(ModelStats.FinishedReason.ABORT), "neither was sent whole");
    }
}
