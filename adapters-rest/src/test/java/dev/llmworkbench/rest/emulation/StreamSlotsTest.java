package dev.llmworkbench.rest.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.application.emulation.ChatCommand;
import dev.llmworkbench.application.emulation.EmulateChatCompletion;
import dev.llmworkbench.application.emulation.Emulation;
import dev.llmworkbench.application.emulation.Emulator;
import dev.llmworkbench.application.emulation.EmulatorSettings;
import dev.llmworkbench.application.emulation.EngineSettings;
import dev.llmworkbench.application.emulation.Engines;
import dev.llmworkbench.application.emulation.InFlight;
import dev.llmworkbench.application.emulation.TimingOverrides;
import dev.llmworkbench.application.emulation.port.EmulatorMetrics;
import dev.llmworkbench.domain.chat.ChatRequest;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.OutputFormat;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.ToolChoice;
import dev.llmworkbench.domain.emulation.FailureInjection;
import dev.llmworkbench.domain.emulation.LatencyProfile;
import dev.llmworkbench.domain.emulation.TokenTiming;
import dev.llmworkbench.domain.models.ModelCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import dev.llmworkbench.rest.RetryLaterException;
import org.junit.jupiter.api.Test;

class StreamSlotsTest {
    private final EmulateChatCompletion emulate = new EmulateChatCompletion(new Emulator(new ModelCatalog(ModelCatalog.DEFAULT_IDS, false),
            new EmulatorSettings(new TokenTiming(Duration.ofMillis(100), Duration.ofMillis(50), 4), LatencyProfile.NONE,
                    FailureInjection.NONE, Duration.ofSeconds(10), Duration.ofSeconds(1), 1000, Duration.ofSeconds(60), EngineSettings.NONE),
            new InFlight(), EmulatorMetrics.NONE, Clock.systemUTC(), () -> new SplittableRandom(1), new Engines()));

    private Emulation stream() {
        ChatRequest request = new ChatRequest("gpt-4o", List.of(Message.text(Role.USER, "Hi")), 1, OptionalInt.empty(), List.of(),
                OptionalLong.empty(), List.of(), new ToolChoice.Auto(), true, new OutputFormat.Text());
        return emulate.emulate(new ChatCommand(request, TimingOverrides.NONE, System.nanoTime()));
    }

    @Test
    void aStreamPastTheLimitIsA429WithRetryAfterAndItsEmulationIsDropped() {
        StreamSlots slots = new StreamSlots(2);
        slots.admit(stream());
        slots.admit(stream());
        RetryLaterException refused = assertThrows(RetryLaterException.class, () -> slots.admit(stream()));
        assertEquals(429, refused.status());
        assertEquals(1, refused.retryAfterSeconds());
        assertEquals(2, slots.open());
    }

    @Test
    void aStreamsSlotIsFreedWhenItFinishesHoweverItEndsAndOnlyOnce() {
        StreamSlots slots = new StreamSlots(1);
        Emulation first = stream();
        slots.admit(first);
        first.finish();
        first.finish();
        assertEquals(0, slots.open());
        Emulation second = stream();
        slots.admit(second);
        assertEquals(1, slots.open());
        Emulation finishedBefore = stream();
        finishedBefore.finish();
        second.finish();
        slots.admit(finishedBefore);
        assertEquals(0, slots.open(), "a slot taken by an emulation already over is given back at once");
    }
}
