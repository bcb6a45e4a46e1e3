package dev.llmworkbench.domain.models;

import dev.llmworkbench.domain.tokens.ContextWindow;
import java.util.Objects;

/**
 * A model the emulator serves; {@code dimensions} is the embedding size of embedding models, else 0;
 * {@code contextWindow} the most prompt tokens it takes (an embedding model's: per input).
 */
public record ModelInfo(String id, long created, String ownedBy, ModelKind kind, int dimensions, ContextWindow contextWindow) {
    public ModelInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownedBy, "ownedBy");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contextWindow, "contextWindow");
        if (id.isBlank()) {
            throw new IllegalArgumentException("model id is blank");
        }
        if ((kind == ModelKind.EMBEDDING) != (dimensions > 0)) {
            throw new IllegalArgumentException("embedding models, and only they, have dimensions: " + id);
        }
    }
}
