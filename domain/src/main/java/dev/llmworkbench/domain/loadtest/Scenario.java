package dev.llmworkbench.domain.loadtest;

import java.util.Arrays;
import java.util.Optional;

/** What one request of a run asks the target for, named as the task runner's {@code tags} name it. */
public enum Scenario {
    CHAT_COMPLETIONS("chat_completions", true),
    CHAT_COMPLETIONS_NONSTREAM("chat_completions_nonstream", true),
    COMPLETIONS("completions", false),
    EMBEDDINGS("embeddings", false),
    RESPONSES("responses", true);

    private final String tag;
    private final boolean messageFramed;

    Scenario(String tag, boolean messageFramed) {
        this.tag = tag;
        this.messageFramed = messageFramed;
    }

    public String tag() {
        return tag;
    }

    /** Whether the prompt is sent as a user message, so the billed prompt tokens include OpenAI's per-message framing. */
    public boolean messageFramed() {
        return messageFramed;
    }

    public static Optional<Scenario> ofTag(String tag) {
        return Arrays.stream(values()).filter(s -> s.tag.equals(tag)).findFirst();
    }
}
