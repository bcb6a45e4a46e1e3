package dev.llmworkbench.application.responses;

import dev.llmworkbench.application.emulation.TimingOverrides;
import dev.llmworkbench.domain.responses.ResponseRequest;
import java.util.Objects;

/** @param arrivalNanos the {@link System#nanoTime()} the request arrived, where TTFT counts from */
public record ResponseCommand(ResponseRequest request, TimingOverrides overrides, long arrivalNanos) {
    public ResponseCommand {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(overrides, "overrides");
    }
}
