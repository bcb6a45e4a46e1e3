package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.loadtest.LoadTestPlan;
import dev.llmworkbench.domain.loadtest.Prompt;
import dev.llmworkbench.domain.loadtest.PromptFactory;
import dev.llmworkbench.domain.loadtest.Scenario;
import dev.llmworkbench.domain.loadtest.Step;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the calls of a run: the scenario by the plan's weights, a prompt of the step's exact input length (new
 * for every call with {@link LoadTestPlan#randomPrompts()}, else one reused per length) and the step's output
 * length. Safe to share between the generator's threads without a lock: each call draws from its own seeded
 * random, so a seed repeats the mix. Sends chat completions only, streamed unless the scenario is
 * {@code chat_completions_nonstream}.
 */
public final class CallFactory {

    private static final long SEED_STEP = 0x9E3779B97F4A7C15L;

    private final LoadTestPlan plan;
    private final PromptFactory prompts;
    private final AtomicLong nextSeed;

    public CallFactory(LoadTestPlan plan, long seed) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.prompts = new PromptFactory(plan.model(), plan.randomPrompts(), seed);
        this.nextSeed = new AtomicLong(seed);
    }

    public ChatCall next(Step step) {
        Scenario picked = plan.scenarios().pick(new SplittableRandom(nextSeed.getAndAdd(SEED_STEP)));
        Scenario scenario = picked == Scenario.CHAT_COMPLETIONS_NONSTREAM ? picked : Scenario.CHAT_COMPLETIONS;
        Prompt prompt = prompts.prompt(scenario, step.inputTokens());
        return new ChatCall(plan.model(), prompt.text(), prompt.billedTokens(), step.outputTokens(),
                scenario == Scenario.CHAT_COMPLETIONS, scenario);
    }
}
