package dev.llmworkbench.domain.chat;

import java.util.Objects;

public record TextPart(String text) implements ContentPart {
    public TextPart {
        Objects.requireNonNull(text, "text");
    }
}
