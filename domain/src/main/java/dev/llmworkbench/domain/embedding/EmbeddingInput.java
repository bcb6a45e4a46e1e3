package dev.llmworkbench.domain.embedding;

import java.util.Objects;

/** One input of an embeddings request: text, or text already tokenized by the caller. */
public sealed interface EmbeddingInput {
    record Text(String text) implements EmbeddingInput {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    record Tokens(int[] tokens) implements EmbeddingInput {
        public Tokens {
            tokens = tokens.clone();
        }
    }
}
