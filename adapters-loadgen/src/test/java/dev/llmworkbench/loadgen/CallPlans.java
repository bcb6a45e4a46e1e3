package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.loadtest.LoadShape;
import dev.llmworkbench.domain.loadtest.LoadTestPlan;
import dev.llmworkbench.domain.loadtest.RecordedPrompt;
import dev.llmworkbench.domain.loadtest.RunDuration;
import dev.llmworkbench.domain.loadtest.ScenarioMix;
import dev.llmworkbench.domain.loadtest.Slo;
import dev.llmworkbench.domain.loadtest.Step;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Plans for the call tests, stating only what shapes a request: model, tags, prompts, ignore_eos, headers. */
final class CallPlans {

    static final Step STEP = new Step(64, 32);

    private CallPlans() {
    }

    static LoadTestPlan plan(String model, String tags, boolean randomPrompts) {
        return plan(model, tags, randomPrompts, true, List.of(), Map.of());
    }

    static LoadTestPlan plan(String model, String tags, boolean randomPrompts, boolean ignoreEos,
            List<RecordedPrompt> prompts, Map<String, String> headers) {
        return new LoadTestPlan(URI.create("http://localhost:9186/v1"), model, List.of(STEP), ScenarioMix.parse(tags),
                new LoadShape.Concurrent(1, 1), new RunDuration(Duration.ofSeconds(1)), OptionalInt.empty(),
                randomPrompts, Slo.none(), "", ignoreEos, prompts, headers);
    }
}
