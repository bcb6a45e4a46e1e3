package dev.llmworkbench.rest.loadtest;

import dev.llmworkbench.domain.loadtest.LoadTestPlan;
import dev.llmworkbench.domain.loadtest.PlanRequest;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;

/**
 * The plan as stored with its run and shown by the API: the task runner's fields as given, each default filled in,
 * the target actually used, and the extensions. Never the API key; of a prompt file only its number of lines.
 */
final class PlanDocument {
    private PlanDocument() {
    }

    static String json(PlanRequest request, LoadTestPlan plan) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator json = RunJson.GENERATORS.createGenerator(text)) {
            json.writeStartObject()
                    .write("model", plan.model())
                    .write("host", plan.target().toString())
                    .write("input_lens", or(request.inputLens(), PlanRequest.DEFAULT_INPUT_LENS))
                    .write("output_lens", or(request.outputLens(), PlanRequest.DEFAULT_OUTPUT_LENS))
                    .write("user", or(request.user(), PlanRequest.DEFAULT_USER))
                    .write("rate", or(request.rate(), PlanRequest.DEFAULT_RATE))
                    .write("time_", or(request.time(), PlanRequest.DEFAULT_TIME))
                    .write("tags", or(request.tags(), PlanRequest.DEFAULT_TAGS))
                    .write("remark", plan.remark())
                    .write("RANDOM_STRING", plan.randomPrompts())
                    .write("ignore_eos", plan.ignoreEos());
            json.writeStartObject("load").write("type", or(request.loadType(), PlanRequest.DEFAULT_LOAD_TYPE)).writeEnd();
            json.writeStartObject("slo");
            millis(json, "ttft_ms", plan.slo().ttft());
            millis(json, "itl_ms", plan.slo().itl());
            millis(json, "latency_ms", plan.slo().latency());
            json.writeEnd();
            if (plan.maxRequests().isPresent()) {
                json.write("max_requests", plan.maxRequests().getAsInt());
            } else {
                json.writeNull("max_requests");
            }
            if (request.prompts() != null) {
                json.writeStartObject("prompts").write("lines", plan.prompts().size()).writeEnd();
            }
            json.writeStartObject("headers");
            plan.headers().forEach(json::write);
            json.writeEnd().writeEnd();
        }
        return text.toString();
    }

    private static void millis(JsonGenerator json, String name, Optional<Duration> threshold) {
        threshold.ifPresent(duration -> json.write(name, duration.toNanos() / 1e6));
    }

    private static <T> T or(T given, T fallback) {
        return given == null ? fallback : given;
    }
}
