package dev.llmworkbench.domain.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A chat message as the prompt counter sees it: role, content parts, optional name and tool calls. */
public record Message(Role role, List<ContentPart> content, Optional<String> name, List<ToolCall> toolCalls) {
    public Message {
        Objects.requireNonNull(role, "role");
        content = List.copyOf(content);
        Objects.requireNonNull(name, "name");
        toolCalls = List.copyOf(toolCalls);
    }

    public static Message text(Role role, String text) {
        return new Message(role, List.of(new TextPart(text)), Optional.empty(), List.of());
    }
}
