package dev.llmworkbench.application.responses;

import dev.llmworkbench.application.emulation.Emulation;
import dev.llmworkbench.domain.responses.ModelResponse;
import java.util.Objects;

/**
 * A started response: the emulation that times its tokens and failures, and the response it ends as.
 * Whoever holds one must deliver it or call {@code emulation().finish()}.
 */
public record ResponseEmulation(Emulation emulation, ModelResponse response) {
    public ResponseEmulation {
        Objects.requireNonNull(emulation, "emulation");
        Objects.requireNonNull(response, "response");
    }
}
