package dev.llmworkbench.domain.chat;

import java.util.Objects;

/** A function call made by the assistant; {@code arguments} is JSON text. */
public record ToolCall(String id, String name, String arguments) {
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }
}
