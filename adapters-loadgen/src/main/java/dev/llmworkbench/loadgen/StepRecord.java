package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.loadtest.Step;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One step of a run as the result shows it: its tally, when it started and ended (0 while running), and for a
 * sweep, each of its runs and the best rate. Written by the run's thread, read by the snapshot's.
 */
final class StepRecord {

    /** One run of a sweep: its kind ({@code synchronous}, {@code throughput}, {@code constant}) and requested rate. */
    record SweepRun(String type, Double rate, Tally tally, long startNanos, long endNanos) {
        SweepRun {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(tally, "tally");
        }
    }

    private final Step step;
    private final Tally tally;
    private final long startNanos;
    private final boolean sweep;
    private final List<SweepRun> sweepRuns = new CopyOnWriteArrayList<>();
    private volatile long endNanos;
    private volatile boolean whole;
    private volatile Double bestRate;

    StepRecord(Step step, Tally tally, long startNanos, boolean sweep) {
        this.step = Objects.requireNonNull(step, "step");
        this.tally = Objects.requireNonNull(tally, "tally");
        this.startNanos = startNanos;
        this.sweep = sweep;
    }

    /** @param ranWhole false when a cancel cut the step short */
    void ended(long nanos, boolean ranWhole) {
        whole = ranWhole;
        endNanos = nanos;
    }

    void swept(SweepRun run) {
        sweepRuns.add(run);
    }

    void bestRate(Double rate) {
        bestRate = rate;
    }

    Step step() {
        return step;
    }

    Tally tally() {
        return tally;
    }

    long startNanos() {
        return startNanos;
    }

    /** Whether the step ran to its end: its duration, or its {@code max_requests}. */
    boolean ranWhole() {
        return endNanos != 0 && whole;
    }

    /** When the step ended, or {@code nowNanos} while it runs. */
    long endNanos(long nowNanos) {
        long end = endNanos;
        return end == 0 ? nowNanos : end;
    }

    boolean sweep() {
        return sweep;
    }

    List<SweepRun> sweepRuns() {
        return List.copyOf(sweepRuns);
    }

    Double bestRate() {
        return bestRate;
    }
}
