package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.loadtest.LoadTestPlan;
import dev.llmworkbench.domain.loadtest.Step;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Everything a run has measured so far, shared by its drivers (writing, without locks on the per-request path) and
 * by the snapshot thread (reading): the run's tally and series, each step's record, how many requests were sent,
 * how many users or requests are active, and where the run is for its progress. The run starts when its first
 * step does and ends when its last step did, so that setting up the client is not part of its duration or series.
 */
final class RunState {

    private final LoadTestPlan plan;
    private final RunClock clock;
    private final Tally overall;
    private volatile SecondSeries series;
    private volatile long startNanos;
    private final List<StepRecord> steps = new CopyOnWriteArrayList<>();
    private final LongAdder sent = new LongAdder();
    private final LongAdder sentInStep = new LongAdder();
    private final AtomicInteger active = new AtomicInteger();
    private volatile long endNanos;

    RunState(LoadTestPlan plan, RunClock clock) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.overall = new Tally(plan.slo());
    }

    StepRecord beginStep(Step step, long stepStartNanos, boolean sweep) {
        if (series == null) {
            startNanos = stepStartNanos;
            series = new SecondSeries(clock.at(stepStartNanos));
        }
        sentInStep.reset();
        StepRecord record = new StepRecord(step, new Tally(plan.slo()), stepStartNanos, sweep);
        steps.add(record);
        return record;
    }

    void sent() {
        sent.increment();
        sentInStep.increment();
    }

    void record(RequestSample sample) {
        series.record(sample);
    }

    /** A user started or stopped, or a request went out or answered: the series keeps the most active in a second. */
    void active(int delta) {
        noteActive(active.addAndGet(delta));
    }

    /** Called once a second so that a second in which nothing started or ended still shows who was active. */
    void noteActive() {
        noteActive(active.get());
    }

    private void noteActive(int now) {
        SecondSeries started = series;
        if (started != null) {
            started.activeUsers(clock.at(System.nanoTime()), Math.max(0, now));
        }
    }

    void ended(long nanos) {
        endNanos = nanos;
    }

    LoadTestPlan plan() {
        return plan;
    }

    Tally overall() {
        return overall;
    }

    List<SeriesPoint> seriesPoints() {
        SecondSeries started = series;
        return started == null ? List.of() : started.points();
    }

    /** When the first step started, or {@code nowNanos} before it did. */
    long startNanos(long nowNanos) {
        return series == null ? nowNanos : startNanos;
    }

    List<StepRecord> steps() {
        return List.copyOf(steps);
    }

    long requestsSent() {
        return sent.sum();
    }

    long sentInStep() {
        return sentInStep.sum();
    }

    /** When the run ended, or {@code nowNanos} while it runs. */
    long endNanos(long nowNanos) {
        long end = endNanos;
        return end == 0 ? nowNanos : end;
    }
}
