package dev.llmworkbench.application.batch.port;

import java.util.Objects;

/** A line of a batch's input, by its 1-based number and its {@code custom_id}, not yet answered. */
public record PendingLine(int line, String customId) {
    public PendingLine {
        Objects.requireNonNull(customId, "customId");
        if (line < 1) {
            throw new IllegalArgumentException("lines are numbered from 1: " + line);
        }
    }
}
