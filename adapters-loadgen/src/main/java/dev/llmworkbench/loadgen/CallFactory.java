package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.loadtest.LoadTestPlan;
import dev.llmworkbench.domain.loadtest.Prompt;
import dev.llmworkbench.domain.loadtest.PromptFactory;
import dev.llmworkbench.domain.loadtest.RecordedPrompt;
import dev.llmworkbench.domain.loadtest.Scenario;
import dev.llmworkbench.domain.loadtest.ScenarioMix;
import dev.llmworkbench.domain.loadtest.Step;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the requests of a run: for each, a scenario drawn by the plan's weights, a prompt, and the step's output
 * length. Prompts are synthetic, of exactly the step's input length as the server bills it (new for every request
 * or reused, as the plan's {@code RANDOM_STRING} says), or the plan's prompt file in turn.
 *
 * <p>Safe to share between the generator's threads without a lock: the n-th request of a factory draws its scenario
 * from a generator seeded with the seed and n alone, so a seed repeats the mix of any number of requests, whichever
 * threads asked for them.
 */
public final class CallFactory {

    private static final long SEED_STEP = 0x9E3779B97F4A7C15L;

    private final LoadTestPlan plan;
    private final long seed;
    private final PromptFactory synthetic;
    private final RecordedPrompts recorded;
    private final AtomicLong calls = new AtomicLong();

    public CallFactory(LoadTestPlan plan, long seed) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.seed = seed;
        this.synthetic = new PromptFactory(plan.model(), plan.randomPrompts(), seed);
        this.recorded = new RecordedPrompts(plan.model(), plan.prompts());
    }

    public ChatCall next(Step step) {
        long call = calls.getAndIncrement();
        Scenario scenario = scenario(call);
        int maxTokens = scenario == Scenario.EMBEDDINGS ? 0 : step.outputTokens();
        if (recorded.isEmpty()) {
            Prompt prompt = synthetic.prompt(scenario, step.inputTokens());
            return call(scenario, new RecordedPrompt.Text(prompt.text()), prompt.billedTokens(), maxTokens);
        }
        RecordedPrompts.Shaped prompt = recorded.shaped(call, scenario);
        return call(scenario, prompt.input(), prompt.billedTokens(), maxTokens);
    }

    private Scenario scenario(long call) {
        ScenarioMix mix = plan.scenarios();
        if (mix.scenarios().size() == 1) {
            return mix.scenarios().getFirst().scenario();
        }
        return mix.pick(new SplittableRandom(seed + call * SEED_STEP));
    }

    private ChatCall call(Scenario scenario, RecordedPrompt input, int promptTokens, int maxTokens) {
        return new ChatCall(scenario, plan.model(), input, promptTokens, maxTokens, plan.ignoreEos(), plan.headers());
    }
}
