package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.loadtest.ArrivalSchedule;
import dev.llmworkbench.domain.loadtest.LoadShape;
import java.util.OptionalLong;

/**
 * guidellm's sweep: a synchronous run (the server's rate without queueing), a throughput run (its rate when
 * saturated), then {@code rates} constant-rate runs evenly spaced strictly between the two measured rates (numpy's
 * {@code linspace(sync, throughput, rates + 2)[1:-1]}, as guidellm spaces them). Every run gets an equal share of
 * the step's duration and of its {@code max_requests} (at least one request each).
 *
 * <p>The best rate is the highest constant rate the target sustained: with an SLO, at least
 * {@value #GOODPUT_SHARE} of its requests met every objective; without one, none failed and the target answered at
 * least {@value #ACHIEVED_SHARE} of the requested rate. The rate it answered at is counted from its first answer to
 * its last ({@link StepRun#answerRatePerS()}), so neither the first request's latency nor the requests abandoned at
 * the run's end count against it; the rates a sweep spaces its constant runs by are measured the same way.
 */
final class SweepDriver {

    static final double GOODPUT_SHARE = 0.95;
    static final double ACHIEVED_SHARE = 0.9;

    private final int throughputInFlight;

    SweepDriver(int throughputInFlight) {
        this.throughputInFlight = throughputInFlight;
    }

    private interface Driver {
        long run(StepRun run) throws InterruptedException;
    }

    private record Part(StepRun run, Tally tally, long endNanos) {
    }

    long run(StepRun step, StepRecord record, LoadShape.Sweep sweep, OptionalLong maxRequests)
            throws InterruptedException {
        int runs = sweep.rates() + 2;
        long shareNanos = step.windowNanos() / runs;
        OptionalLong budget = maxRequests.isPresent()
                ? OptionalLong.of(Math.max(1, maxRequests.getAsLong() / runs)) : OptionalLong.empty();
        Part synchronous = part(step, record, "synchronous", null, step.startNanos(), shareNanos, budget,
                run -> ClosedLoopDriver.run(run, 1, Double.POSITIVE_INFINITY));
        if (step.cancel().isCancelled()) {
            return synchronous.endNanos();
        }
        Part throughput = part(step, record, "throughput", null, synchronous.endNanos(), shareNanos, budget,
                run -> ClosedLoopDriver.run(run, throughputInFlight, Double.POSITIVE_INFINITY));
        double low = synchronous.run().answerRatePerS();
        double high = throughput.run().answerRatePerS();
        long endNanos = throughput.endNanos();
        Double best = null;
        for (int k = 1; k <= sweep.rates() && !step.cancel().isCancelled(); k++) {
            double rate = Math.min(LoadShape.MAX_RATE, low + (high - low) * k / (sweep.rates() + 1));
            if (!(rate > 0)) {
                continue;
            }
            Part constant = part(step, record, "constant", rate, endNanos, shareNanos, budget,
                    run -> OpenLoopDriver.run(run, new ArrivalSchedule.Constant(new LoadShape.Constant(rate))));
            endNanos = constant.endNanos();
            TallyFigures figures = constant.tally().figures(ResultJson.elapsed(constant.run().startNanos(),
                    constant.endNanos()));
            if (sustained(rate, figures, constant.run().answerRatePerS()) && (best == null || rate > best)) {
                best = rate;
            }
        }
        record.bestRate(best);
        return endNanos;
    }

    private static Part part(StepRun step, StepRecord record, String type, Double rate, long startNanos,
            long shareNanos, OptionalLong budget, Driver driver) throws InterruptedException {
        Tally tally = new Tally(step.state().plan().slo());
        StepRun run = step.part(startNanos, startNanos + shareNanos, budget, tally);
        long endNanos = driver.run(run);
        record.swept(new StepRecord.SweepRun(type, rate, tally, startNanos, endNanos));
        return new Part(run, tally, endNanos);
    }

    /** Whether a constant run at {@code rate} was sustained, by the rule in the class comment. */
    static boolean sustained(double rate, TallyFigures figures, double answerRatePerS) {
        long requests = figures.figures().requests();
        if (requests == 0) {
            return false;
        }
        if (figures.goodput() != null) {
            return figures.goodput() >= GOODPUT_SHARE * requests;
        }
        return figures.figures().failures().isEmpty() && answerRatePerS >= ACHIEVED_SHARE * rate;
    }
}
