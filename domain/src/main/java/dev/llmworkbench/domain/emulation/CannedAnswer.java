package dev.llmworkbench.domain.emulation;

import dev.llmworkbench.domain.gateway.ModelPattern;
import java.util.Objects;

/** One line of a canned-answers file: the answer {@code content} for models matching {@code model}. */
public record CannedAnswer(ModelPattern model, String content) {
    public CannedAnswer {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(content, "content");
    }
}
