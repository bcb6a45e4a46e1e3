package dev.llmworkbench.application.emulation;

import java.util.List;

/** Vectors in input order, and the prompt tokens they cost. */
public record Embeddings(String model, List<float[]> vectors, int promptTokens) {
    public Embeddings {
        vectors = List.copyOf(vectors);
    }
}
