package dev.llmworkbench.loadgen;

import jakarta.json.stream.JsonGenerator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the result's FIGURES and DIST objects. Numbers that were not measured (a distribution with no value,
 * a mean over no request) are written as null, never as a 0 that would read as a measurement.
 */
final class FiguresJson {

    private FiguresJson() {
    }

    /** The figures' members, into an object the caller has started. */
    static void write(JsonGenerator json, TallyFigures tally, Integer requestedInput, Integer requestedOutput) {
        RunFigures figures = tally.figures();
        json.write("requests", figures.requests())
                .write("successes", tally.successes());
        json.writeStartObject("failures");
        new TreeMap<>(figures.failures()).forEach(json::write);
        json.writeEnd()
                .write("duration_s", figures.durationS())
                .write("requests_per_s", figures.requestsPerS())
                .write("input_tokens_per_s", figures.inputTokensPerS())
                .write("output_tokens_per_s", figures.outputTokensPerS());
        distribution(json, "ttft_ms", figures.ttft());
        distribution(json, "itl_ms", figures.itl());
        distribution(json, "tpot_ms", figures.tpot());
        distribution(json, "latency_ms", figures.latency());
        json.writeStartObject("input_tokens");
        number(json, "requested", requestedInput);
        number(json, "mean", tally.inputTokensMean());
        json.writeEnd().writeStartObject("output_tokens");
        number(json, "requested", requestedOutput);
        number(json, "mean", tally.outputTokensMean());
        json.write("from_usage", tally.fromUsage()).writeEnd()
                .write("output_length_ignored", tally.outputLengthIgnored(requestedOutput));
        if (tally.goodput() != null) {
            long good = tally.goodput();
            json.writeStartObject("goodput")
                    .write("requests", good)
                    .write("share", figures.requests() == 0 ? 0 : (double) good / figures.requests())
                    .write("requests_per_s", figures.durationS() == 0 ? 0 : good / figures.durationS())
                    .writeEnd();
        }
        json.writeStartObject("scenarios");
        tally.scenarios().forEach(json::write);
        json.writeEnd();
    }

    static void distribution(JsonGenerator json, String name, DistributionSummary summary) {
        json.writeStartObject(name);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("mean", summary.meanMs());
        values.put("p50", summary.p50Ms());
        values.put("p90", summary.p90Ms());
        values.put("p95", summary.p95Ms());
        values.put("p99", summary.p99Ms());
        values.put("max", summary.maxMs());
        values.forEach((key, value) -> number(json, key, summary.count() == 0 ? null : value));
        json.writeEnd();
    }

    static void number(JsonGenerator json, String name, Number value) {
        switch (value) {
            case null -> json.writeNull(name);
            case Integer whole -> json.write(name, whole);
            case Long whole -> json.write(name, whole);
            default -> json.write(name, value.doubleValue());
        }
    }
}
