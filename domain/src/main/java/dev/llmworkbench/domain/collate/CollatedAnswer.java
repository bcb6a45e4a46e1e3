package dev.llmworkbench.domain.collate;

import java.util.Objects;

/**
 * What the upstream batch answered one request: the {@code status_code} and {@code body} of its output line, the
 * body being the chat completion (or the upstream's error for that request alone) exactly as the upstream wrote it.
 */
public record CollatedAnswer(int status, String body) {
    public CollatedAnswer {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an HTTP status is 100..599: " + status);
        }
        Objects.requireNonNull(body, "body");
    }

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
