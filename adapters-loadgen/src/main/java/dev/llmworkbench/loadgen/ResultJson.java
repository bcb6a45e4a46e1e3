package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.loadtest.LoadTestPlan;
import dev.llmworkbench.domain.loadtest.Scenario;
import dev.llmworkbench.domain.loadtest.ScenarioMix;
import dev.llmworkbench.domain.loadtest.Step;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The result document of a run, as the API shows it: {@code {"overall", "steps", "series", "generator",
 * "progress"}}, rendered from a {@link RunState} at any moment, for snapshots while it runs and once at its end.
 */
final class ResultJson {

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    private ResultJson() {
    }

    static String render(RunState state, GeneratorHealth health, long nowNanos) {
        StringWriter text = new StringWriter();
        long endNanos = state.endNanos(nowNanos);
        LoadTestPlan plan = state.plan();
        try (JsonGenerator json = GENERATORS.createGenerator(text)) {
            json.writeStartObject();
            TallyFigures overall = state.overall().figures(elapsed(state.startNanos(endNanos), endNanos));
            json.writeStartObject("overall");
            FiguresJson.write(json, overall, sameForEveryStep(plan, true), sameForEveryStep(plan, false));
            json.writeEnd();
            steps(json, state.steps(), plan, endNanos);
            SeriesJson.write(json, state, endNanos);
            health.write(json, overall.figures().lateness(), state.requestsSent());
            Progress.write(json, state, endNanos);
            json.writeEnd();
        }
        return text.toString();
    }

    private static void steps(JsonGenerator json, List<StepRecord> steps, LoadTestPlan plan, long endNanos) {
        json.writeStartArray("steps");
        for (StepRecord step : steps) {
            json.writeStartObject()
                    .write("input_len", step.step().inputTokens())
                    .write("output_len", step.step().outputTokens());
            TallyFigures figures = step.tally().figures(elapsed(step.startNanos(), step.endNanos(endNanos)));
            FiguresJson.write(json, figures, requestedInput(plan, step.step()), requestedOutput(plan, step.step()));
            if (step.sweep()) {
                sweep(json, step, plan);
            }
            json.writeEnd();
        }
        json.writeEnd();
    }

    private static void sweep(JsonGenerator json, StepRecord step, LoadTestPlan plan) {
        json.writeStartObject("sweep").writeStartArray("results");
        for (StepRecord.SweepRun run : step.sweepRuns()) {
            json.writeStartObject().write("type", run.type());
            FiguresJson.number(json, "rate", run.rate());
            FiguresJson.write(json, run.tally().figures(elapsed(run.startNanos(), run.endNanos())),
                    requestedInput(plan, step.step()), requestedOutput(plan, step.step()));
            json.writeEnd();
        }
        json.writeEnd();
        FiguresJson.number(json, "best_rate", step.bestRate());
        json.writeEnd();
    }

    /** Recorded prompts have lengths of their own, so no input length was asked for. */
    static Integer requestedInput(LoadTestPlan plan, Step step) {
        return plan.prompts().isEmpty() ? step.inputTokens() : null;
    }

    /** Embeddings ask for no output, so a plan of embeddings alone asked for none. */
    static Integer requestedOutput(LoadTestPlan plan, Step step) {
        boolean generates = plan.scenarios().scenarios().stream().map(ScenarioMix.Weighted::scenario)
                .anyMatch(scenario -> scenario != Scenario.EMBEDDINGS);
        return generates ? step.outputTokens() : null;
    }

    private static Integer sameForEveryStep(LoadTestPlan plan, boolean input) {
        List<Integer> asked = plan.steps().stream()
                .map(step -> input ? requestedInput(plan, step) : requestedOutput(plan, step))
                .distinct().toList();
        return asked.size() == 1 ? asked.getFirst() : null;
    }

    static Duration elapsed(long startNanos, long endNanos) {
        return Duration.ofNanos(Math.max(0, endNanos - startNanos));
    }
}
