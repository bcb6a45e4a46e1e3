package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.completion.CompletionRequest;
import java.util.Objects;

/** @param arrivalNanos the {@link System#nanoTime()} the request arrived, where TTFT counts from */
public record CompletionCommand(CompletionRequest request, TimingOverrides overrides, long arrivalNanos) {
    public CompletionCommand {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(overrides, "overrides");
    }
}
