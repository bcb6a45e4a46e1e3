package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.embedding.EmbeddingInput;
import dev.llmworkbench.domain.embedding.EmbeddingVectors;
import dev.llmworkbench.domain.models.ModelInfo;
import dev.llmworkbench.domain.models.ModelKind;
import dev.llmworkbench.domain.tokens.InputTokens;
import dev.llmworkbench.domain.tokens.TokenEncoding;
import java.util.ArrayList;
import java.util.List;

/** Deterministic embeddings of the model's dimension (or fewer, for models that allow {@code dimensions}). */
public final class CreateEmbeddings {
    /** OpenAI's limit on tokens summed over all inputs of one request (its embeddings API reference). */
    static final int MAX_TOKENS_PER_REQUEST = 300_000;

    private final Emulator emulator;

    public CreateEmbeddings(Emulator emulator) {
        this.emulator = emulator;
    }

    public Embeddings embed(EmbeddingCommand command) {
        ModelInfo model = emulator.models().require(command.model());
        if (model.kind() != ModelKind.EMBEDDING) {
            throw new InvalidRequestException("model", "The model `" + model.id() + "` does not support embeddings.");
        }
        int dimensions = command.dimensions().orElse(model.dimensions());
        if (command.dimensions().isPresent() && (model.id().equals("text-embedding-ada-002") || dimensions > model.dimensions())) {
            throw new InvalidRequestException("dimensions", "This model does not support specifying dimensions "
                    + (dimensions > model.dimensions() ? "above " + model.dimensions() + "." : "."));
        }
        InputTokens counter = new InputTokens(TokenEncoding.forModel(model.id()), model.contextWindow());
        long tokens = 0;
        for (EmbeddingInput input : command.inputs()) {
            tokens += counter.count(input, "input", "input");
        }
        if (tokens > MAX_TOKENS_PER_REQUEST) {
            throw new InvalidRequestException("input", "max_tokens_per_request", "Requested " + tokens
                    + " tokens, max " + MAX_TOKENS_PER_REQUEST + " tokens per request");
        }
        List<float[]> vectors = new ArrayList<>(command.inputs().size());
        for (EmbeddingInput input : command.inputs()) {
            vectors.add(EmbeddingVectors.vector(model.id(), input, dimensions));
        }
        emulator.metrics().requestAccepted("embeddings");
        return new Embeddings(model.id(), vectors, (int) tokens);
    }
}
