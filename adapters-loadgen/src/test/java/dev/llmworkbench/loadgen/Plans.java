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

/** Load-test plans for tests: one chat_completions step of one second unless a test says otherwise. */
record Plans(URI target, List<Step> steps, LoadShape load, Duration duration, OptionalInt maxRequests, Slo slo,
        String tags, List<RecordedPrompt> prompts) {

    static Plans against(URI target) {
        return new Plans(target, List.of(new Step(16, 2)), new LoadShape.Concurrent(2, 100), Duration.ofSeconds(1),
                OptionalInt.empty(), Slo.none(), "chat_completions", List.of());
    }

    Plans prompts(RecordedPrompt... given) {
        return new Plans(target, steps, load, duration, maxRequests, slo, tags, List.of(given));
    }

    Plans steps(Step... given) {
        return new Plans(target, List.of(given), load, duration, maxRequests, slo, tags, prompts);
    }

    Plans load(LoadShape given) {
        return new Plans(target, steps, given, duration, maxRequests, slo, tags, prompts);
    }

    Plans duration(Duration given) {
        return new Plans(target, steps, load, given, maxRequests, slo, tags, prompts);
    }

    Plans maxRequests(int given) {
        return new Plans(target, steps, load, duration, OptionalInt.of(given), slo, tags, prompts);
    }

    Plans slo(Slo given) {
        return new Plans(target, steps, load, duration, maxRequests, given, tags, prompts);
    }

    Plans tags(String given) {
        return new Plans(target, steps, load, duration, maxRequests, slo, given, prompts);
    }

    LoadTestPlan plan() {
        return new LoadTestPlan(target, "gpt-4o", steps, ScenarioMix.parse(tags), load, new RunDuration(duration),
                maxRequests, false, slo, "", true, prompts, Map.of());
    }
}
