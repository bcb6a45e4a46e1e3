package dev.llmworkbench.loadgen;

import java.util.Objects;

/**
 * One dispatched Server-Sent Event: its type ({@code message} unless an {@code event:} field named one)
 * and its data, the {@code data:} lines joined by a line feed.
 */
public record SseEvent(String type, String data) {

    /** OpenAI ends every stream with this data line; it carries no JSON. */
    public static final String DONE = "[DONE]";

    public SseEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (type.isEmpty()) {
            throw new IllegalArgumentException("type is empty");
        }
    }

    public boolean done() {
        return DONE.equals(data);
    }
}
