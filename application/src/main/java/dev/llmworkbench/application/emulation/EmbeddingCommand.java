package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.embedding.EmbeddingInput;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

public record EmbeddingCommand(String model, List<EmbeddingInput> inputs, OptionalInt dimensions) {
    /** OpenAI's limit on inputs per request. */
    public static final int MAX_INPUTS = 2048;

    public EmbeddingCommand {
        Objects.requireNonNull(model, "model");
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new InvalidRequestException("input", "'input' must not be empty.");
        }
        if (inputs.size() > MAX_INPUTS) {
            throw new InvalidRequestException("input", "'input' may hold at most " + MAX_INPUTS + " items.");
        }
        for (EmbeddingInput input : inputs) {
            // OpenAI's embeddings reference: the input "cannot be an empty string".
            if (input instanceof EmbeddingInput.Text text && text.text().isEmpty()) {
                throw new InvalidRequestException("input", "'input' cannot be an empty string.");
            }
        }
        if (dimensions.isPresent() && dimensions.getAsInt() < 1) {
            throw new InvalidRequestException("dimensions", "dimensions must be at least 1.");
        }
    }
}
