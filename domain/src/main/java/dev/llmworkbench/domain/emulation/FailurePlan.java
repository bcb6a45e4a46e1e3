package dev.llmworkbench.domain.emulation;

/** What goes wrong with one request, decided when it arrives. */
public sealed interface FailurePlan {
    FailurePlan NONE = new None();

    record None() implements FailurePlan {
    }

    /** Answer at once with this HTTP status in OpenAI's error shape. */
    record Reject(int status) implements FailurePlan {
    }

    /** End the stream after this many tokens, with no finish_reason and no [DONE]. */
    record CutAfter(int tokens) implements FailurePlan {
    }
}
