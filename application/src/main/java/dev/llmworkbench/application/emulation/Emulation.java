package dev.llmworkbench.application.emulation;

import dev.llmworkbench.application.emulation.port.EmulatorMetrics;
import dev.llmworkbench.domain.chat.FinishReason;
import dev.llmworkbench.domain.chat.Usage;
import dev.llmworkbench.domain.emulation.FailurePlan;
import dev.llmworkbench.domain.emulation.GeneratedChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One emulated response, decided at arrival: its choices, when each token is due, and what fails.
 * The delivering adapter reports each emission step and calls {@link #finish()} exactly when the
 * response is over (sent, failed or abandoned), which releases its place among the in-flight requests
 * and its model engine's batch slot. A request waiting for a slot is delivered {@link #whenAdmitted}.
 */
public final class Emulation {
    private final String id;
    private final long createdEpochSeconds;
    private final String model;
    private final List<GeneratedChoice> choices;
    private final Usage usage;
    private final FailurePlan failure;
    private final long arrivalNanos;
    private final EmulatorMetrics metrics;
    private final InFlight inFlight;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final List<Runnable> whenFinished = new ArrayList<>();
    private final Sequence sequence;
    private volatile long lastStepNanos = -1;
    private volatile int stepsSent;
    private volatile boolean complete;

    Emulation(String id, long createdEpochSeconds, String model, List<GeneratedChoice> choices, Usage usage,
              FailurePlan failure, long arrivalNanos, EmulatorMetrics metrics, InFlight inFlight, Sequence sequence) {
        this.id = id;
        this.createdEpochSeconds = createdEpochSeconds;
        this.model = model;
        this.choices = List.copyOf(choices);
        this.usage = usage;
        this.failure = failure;
        this.arrivalNanos = arrivalNanos;
        this.metrics = metrics;
        this.inFlight = inFlight;
        this.sequence = sequence;
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
        long onSchedule = sequence.dueNanoTime(index);
        long previous = lastStepNanos;
        return index == 0 || previous < 0 ? onSchedule : Math.max(onSchedule, previous + sequence.gapBeforeNanos(index));
    }

    /** The instant a non-streamed response is due: when its last token would have been. */
    public long completeNanoTime() {
        return sequence.completeNanoTime(steps());
    }

    /**
     * Runs {@code delivery} once this response has a batch slot: at once if it has one, else on the
     * thread that frees one, which must therefore hand any real work to another thread.
     */
    public void whenAdmitted(Runnable delivery) {
        sequence.whenAdmitted(delivery);
    }

    /** Whether this response has its batch slot (or, an injected failure, needs none). */
    public boolean isAdmitted() {
        return sequence.isAdmitted();
    }

    /** A streaming step went out at {@code nanoTime} carrying {@code tokens} tokens over all choices. */
    public void stepSent(int tokens, long nanoTime) {
        long previous = lastStepNanos;
        ModelStats stats = sequence.stats();
        if (previous < 0) {
            metrics.firstToken(nanoTime - arrivalNanos);
            stats.timeToFirstToken().observe((nanoTime - arrivalNanos) / 1e9);
            stats.promptTokens(usage.promptTokens());
            // The hidden reasoning tokens were generated before the first visible one.
            stats.generationTokens(usage.reasoningTokens());
        } else {
            metrics.interToken(nanoTime - previous);
            stats.interTokenLatency().observe((nanoTime - previous) / 1e9);
        }
        lastStepNanos = nanoTime;
        metrics.tokensEmitted(tokens);
        stats.generationTokens(tokens);
        int sent = stepsSent + 1;
        stepsSent = sent;
        complete = sent >= steps();
    }

    /** A whole response went out at once: the engine's statistics count its tokens as if they had been streamed. */
    public void completed() {
        metrics.tokensEmitted(usage.completionTokens());
        ModelStats stats = sequence.stats();
        stats.timeToFirstToken().observe((sequence.dueNanoTime(0) - arrivalNanos) / 1e9);
        for (int step = 1; step < steps(); step++) {
            stats.interTokenLatency().observe(sequence.gapBeforeNanos(step) / 1e9);
        }
        stats.promptTokens(usage.promptTokens());
        stats.generationTokens(usage.completionTokens());
        complete = true;
    }

    public void finish() {
        if (finished.compareAndSet(false, true)) {
            inFlight.leave();
            sequence.finish(failure instanceof FailurePlan.Reject ? null : finishedReason(), System.nanoTime());
            List<Runnable> actions;
            synchronized (whenFinished) {
                actions = List.copyOf(whenFinished);
            }
            actions.forEach(Runnable::run);
        }
    }

    /** Runs {@code action} once, when {@link #finish()} is called (at once if it was), whichever way the response ended. */
    public void whenFinished(Runnable action) {
        synchronized (whenFinished) {
            if (!finished.get()) {
                whenFinished.add(action);
                return;
            }
        }
        action.run();
    }

    /** vLLM's reason: the first choice's, with a tool call a stop; a response not sent whole was aborted. */
    private ModelStats.FinishedReason finishedReason() {
        if (!complete) {
            return ModelStats.FinishedReason.ABORT;
        }
        return !choices.isEmpty() && choices.getFirst().finishReason() == FinishReason.LENGTH
                ? ModelStats.FinishedReason.LENGTH : ModelStats.FinishedReason.STOP;
    }
}
