package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.emulation.StepTimes;
import java.util.function.IntFunction;

/**
 * One request's life in its model's engine: waiting for a batch slot, running, finished. Its step
 * times are fixed when it is admitted, from the number of sequences running then (vLLM's decode
 * slows with its batch), and count from that instant, so time spent waiting adds to its TTFT.
 */
final class Sequence {
    private final ModelEngine engine;
    private final long arrivalNanos;
    private final IntFunction<StepTimes> timesAtLoad;
    private final int maxNumSeqs;
    private final int blocks;
    private volatile StepTimes times;
    private volatile long admittedNanos;
    // Guarded by this: the hand-over between the thread that admits and the one that delivers or gives up.
    private boolean admitted;
    private boolean holdsSlot;
    private boolean finished;
    private Runnable onAdmitted;

    Sequence(ModelEngine engine, long arrivalNanos, IntFunction<StepTimes> timesAtLoad, int maxNumSeqs, int blocks) {
        this.engine = engine;
        this.arrivalNanos = arrivalNanos;
        this.timesAtLoad = timesAtLoad;
        this.maxNumSeqs = maxNumSeqs;
        this.blocks = blocks;
    }

    /** Takes a batch slot or a place in the queue; a request that finds the queue full is refused. */
    void enter(int maxWaiting, String model) {
        int running = engine.slots().enter(this, maxNumSeqs, maxWaiting, model);
        if (running > 0) {
            admit(arrivalNanos, running);
        }
    }

    /** An injected failure is answered at once and takes no slot. */
    void admitWithoutSlot() {
        times = timesAtLoad.apply(1);
        admittedNanos = arrivalNanos;
        synchronized (this) {
            admitted = true;
        }
    }

    void admit(long nowNanos, int running) {
        times = timesAtLoad.apply(running);
        admittedNanos = nowNanos;
        Runnable callback;
        synchronized (this) {
            if (finished) {
                engine.slots().leave(maxNumSeqs);
                return;
            }
            admitted = true;
            holdsSlot = true;
            callback = onAdmitted;
            onAdmitted = null;
        }
        engine.holdBlocks(blocks);
        if (callback != null) {
            callback.run();
        }
    }

    /** Runs {@code delivery} once admitted: at once if it is, else on the thread that admits it. */
    void whenAdmitted(Runnable delivery) {
        synchronized (this) {
            if (!admitted) {
                onAdmitted = delivery;
                return;
            }
        }
        delivery.run();
    }

    synchronized boolean isAdmitted() {
        return admitted;
    }

    long dueNanoTime(int index) {
        return admittedNanos + times.offsetNanos(index);
    }

    long gapBeforeNanos(int index) {
        return times.gapBeforeNanos(index);
    }

    /** When a response of {@code steps} steps is complete; before admission, as if admitted at arrival into a full batch. */
    long completeNanoTime(int steps) {
        StepTimes current = times;
        return current != null ? admittedNanos + current.completeNanos(steps)
                : arrivalNanos + timesAtLoad.apply(Math.max(1, maxNumSeqs)).completeNanos(steps);
    }

    /** Leaves the batch or the queue; {@code reason} is null for a request the engine never counts (an injected failure). */
    void finish(ModelStats.FinishedReason reason, long nowNanos) {
        boolean wasRunning;
        boolean wasAdmitted;
        synchronized (this) {
            finished = true;
            wasRunning = holdsSlot;
            wasAdmitted = admitted;
            holdsSlot = false;
        }
        if (wasRunning) {
            engine.holdBlocks(-blocks);
            engine.slots().leave(maxNumSeqs);
        } else if (!wasAdmitted) {
            engine.slots().withdraw(this);
        }
        if (reason != null) {
            long queued = (wasAdmitted ? admittedNanos : nowNanos) - arrivalNanos;
            engine.stats().finished(reason, nowNanos - arrivalNanos, queued);
        }
    }

    ModelStats stats() {
        return engine.stats();
    }
}
