package dev.llmworkbench.application.emulation;

import dev.llmworkbench.application.emulation.port.EmulatorMetrics;
import dev.llmworkbench.domain.chat.Usage;
import dev.llmworkbench.domain.emulation.EmissionSchedule;
import dev.llmworkbench.domain.emulation.FailurePlan;
import dev.llmworkbench.domain.emulation.GeneratedChoice;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One emulated response, decided at arrival: its choices, when each token is due, and what fails.
 * The delivering adapter reports each emission step and calls {@link #finish()} exactly when the
 * response is over (sent, failed or abandoned), which releases its place among the in-flight requests.
 */
public final class Emulation {
    private final String id;
    private final long createdEpochSeconds;
    private final String model;
    private final List<GeneratedChoice> choices;
    private final Usage usage;
    private final EmissionSchedule schedule;
    private final FailurePlan failure;
    private final long arrivalNanos;
    private final EmulatorMetrics metrics;
    private final InFlight inFlight;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile long lastStepNanos = -1;

    Emulation(String id, long createdEpochSeconds, String model, List<GeneratedChoice> choices, Usage usage,
              EmissionSchedule schedule, FailurePlan failure, long arrivalNanos, EmulatorMetrics metrics, InFlight inFlight) {
        this.id = id;
        this.createdEpochSeconds = createdEpochSeconds;
        this.model = model;
        this.choices = List.copyOf(choices);
        this.usage = usage;
        this.schedule = schedule;
        this.failure = failure;
        this.arrivalNanos = arrivalNanos;
        this.metrics = metrics;
        this.inFlight = inFlight;
    }

    public String id() {
        return id;
    }

    public long created() {
        return createdEpochSeconds;
    }

    public String model() {
        return model;
    }

    public List<GeneratedChoice> choices() {
        return choices;
    }

    public Usage usage() {
        return usage;
    }

    public FailurePlan failure() {
        return failure;
    }

    public long arrivalNanos() {
        return arrivalNanos;
    }

    /** The longest choice's piece count: how many emission steps a stream has. */
    public int steps() {
        return steps(choices);
    }

    static int steps(List<GeneratedChoice> choices) {
        return choices.stream().mapToInt(choice -> choice.pieces().size()).max().orElse(0);
    }

    /**
     * The {@link System#nanoTime()} instant step {@code index} is due: on schedule, but never sooner
     * than one inter-token gap after the previous step went out, so a late token (a GC pause, a busy
     * core) is not followed by a burst that would shrink the gaps a client measures.
     */
    public long dueNanoTime(int index) {
        long onSchedule = arrivalNanos + schedule.dueNanos(index);
        long previous = lastStepNanos;
        return index == 0 || previous < 0 ? onSchedule : Math.max(onSchedule, previous + schedule.interTokenNanos());
    }

    /** The instant a non-streamed response is due: when its last token would have been. */
    public long completeNanoTime() {
        return arrivalNanos + schedule.completeNanos(steps());
    }

    /** A streaming step went out at {@code nanoTime} carrying {@code tokens} tokens over all choices. */
    public void stepSent(int tokens, long nanoTime) {
        long previous = lastStepNanos;
        if (previous < 0) {
            metrics.firstToken(nanoTime - arrivalNanos);
        } else {
            metrics.interToken(nanoTime - previous);
        }
        lastStepNanos = nanoTime;
        metrics.tokensEmitted(tokens);
    }

    /** A whole response went out at once. */
    public void completed() {
        metrics.tokensEmitted(usage.completionTokens());
    }

    public void finish() {
        if (finished.compareAndSet(false, true)) {
            inFlight.leave();
        }
    }
}
