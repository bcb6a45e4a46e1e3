package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.chat.ChatRequest;
import java.util.Objects;

/** @param arrivalNanos the {@link System#nanoTime()} the request arrived, where TTFT counts from */
public record ChatCommand(ChatRequest request, TimingOverrides overrides, long arrivalNanos) {
    public ChatCommand {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(overrides, "overrides");
    }
}
