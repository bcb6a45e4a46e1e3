package dev.llmworkbench.domain.chat;

import java.util.Objects;

public record ToolDefinition(String name, String description, Schema.ObjectSchema parameters) {
    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
    }
}
