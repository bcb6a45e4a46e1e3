package dev.llmworkbench.domain.loadtest;

import java.util.ArrayList;
import java.util.List;

/** One step of a run: every request asks with a prompt of {@code inputTokens} for {@code outputTokens} back. */
public record Step(int inputTokens, int outputTokens) {
    public Step {
        if (inputTokens < 1 || outputTokens < 1) {
            throw new IllegalArgumentException("step lengths must be positive: " + inputTokens + ", " + outputTokens);
        }
    }

    /** Every (input, output) pair, inputs outer, in the order given, as the task runner ran them. */
    public static List<Step> pairs(TokenLengths inputs, TokenLengths outputs) {
        List<Step> steps = new ArrayList<>(inputs.tokens().size() * outputs.tokens().size());
        for (int input : inputs.tokens()) {
            for (int output : outputs.tokens()) {
                steps.add(new Step(input, output));
            }
        }
        return List.copyOf(steps);
    }
}
