package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.loadtest.LoadTestPlan;
import jakarta.json.stream.JsonGenerator;
import java.util.List;

/**
 * Writes the result's {@code progress}: how far the run is, as steps done plus the running step's share, which is
 * the larger of its time passed over its duration and its requests sent over {@code max_requests}. A finished
 * step counts whole, however it ended; a cancelled run shows where it stopped.
 */
final class Progress {

    private Progress() {
    }

    static void write(JsonGenerator json, RunState state, long endNanos) {
        LoadTestPlan plan = state.plan();
        List<StepRecord> steps = state.steps();
        int total = plan.steps().size();
        double done = 0;
        for (StepRecord step : steps) {
            done += step.ranWhole() ? 1 : running(state, step, step.endNanos(endNanos));
        }
        json.writeStartObject("progress")
                .write("fraction", Math.min(1.0, done / total))
                .write("step", Math.max(0, steps.size() - 1))
                .write("steps", total)
                .write("elapsed_s", Math.max(0, endNanos - state.startNanos(endNanos)) / 1e9)
                .writeEnd();
    }

    private static double running(RunState state, StepRecord step, long nowNanos) {
        double byTime = (nowNanos - step.startNanos()) / (double) state.plan().duration().duration().toNanos();
        double bySends = state.plan().maxRequests().isPresent()
                ? state.sentInStep() / (double) state.plan().maxRequests().getAsInt() : 0;
        return Math.clamp(Math.max(byTime, bySends), 0.0, 1.0);
    }
}
