package dev.llmworkbench.loadgen;

import jakarta.json.stream.JsonGenerator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the result's {@code series}: one point for every second from the run's start to now or its end, across
 * steps, a second in which nothing finished included. The last second may be partial; its rates are per second
 * of the part that passed. Each point names the step that was running in the middle of its second, so a step
 * that began a moment after a second began (as each does, by the time the last one took to end) still has it.
 */
final class SeriesJson {

    private static final long NANOS_PER_S = 1_000_000_000L;

    private SeriesJson() {
    }

    static void write(JsonGenerator json, RunState state, long endNanos) {
        long originNanos = state.startNanos(endNanos);
        long elapsedNanos = Math.max(0, endNanos - originNanos);
        Map<Long, SeriesPoint> points = state.seriesPoints().stream()
                .collect(Collectors.toMap(SeriesPoint::second, Function.identity()));
        List<StepRecord> steps = state.steps();
        json.writeStartArray("series");
        for (long second = 0; second * NANOS_PER_S < elapsedNanos; second++) {
            double covered = Math.min(1.0, (elapsedNanos - second * NANOS_PER_S) / (double) NANOS_PER_S);
            SeriesPoint point = points.getOrDefault(second, new SeriesPoint(second, 0, 0, 0, 0, 0, 0));
            boolean measured = point.requests() > point.errors();
            json.writeStartObject()
                    .write("second", second)
                    .write("step", stepAt(steps, originNanos + second * NANOS_PER_S + NANOS_PER_S / 2))
                    .write("active_users", point.activeUsers())
                    .write("requests", point.requests())
                    .write("requests_per_s", point.requests() / covered)
                    .write("output_tokens_per_s", point.outputTokens() / covered);
            FiguresJson.number(json, "ttft_p50_ms", measured ? point.ttftP50Ms() : null);
            FiguresJson.number(json, "ttft_p99_ms", measured ? point.ttftP99Ms() : null);
            json.write("errors", point.errors()).writeEnd();
        }
        json.writeEnd();
    }

    private static int stepAt(List<StepRecord> steps, long nanos) {
        int index = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).startNanos() - nanos <= 0) {
                index = i;
            }
        }
        return index;
    }
}
