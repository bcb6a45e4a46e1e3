package dev.llmworkbench.domain.tokens;

import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.embedding.EmbeddingInput;

/**
 * Counts one prompt of the completions API or one input of the embeddings API, text or token ids,
 * within the model's context window. Token ids must be tokens of the model's encoding.
 */
public final class InputTokens {
    private final TokenEncoding encoding;
    private final ContextWindow window;

    public InputTokens(TokenEncoding encoding, ContextWindow window) {
        this.encoding = encoding;
        this.window = window;
    }

    /**
     * @param param the field that holds the input, for errors
     * @param what  how OpenAI's context-length error names it: prompt or input
     */
    public int count(EmbeddingInput input, String param, String what) {
        return switch (input) {
            case EmbeddingInput.Text text -> {
                window.requireAtLeastFits(TokenEncoding.atLeast(text.text()), param, what);
                int tokens = encoding.countUpTo(text.text(), window.tokens());
                window.requireAtLeastFits(tokens, param, what);
                yield tokens;
            }
            case EmbeddingInput.Tokens ids -> {
                for (int id : ids.tokens()) {
                    if (!encoding.isToken(id)) {
                        throw new InvalidRequestException(param, "Invalid token in " + what + ": " + id
                                + ". It is not a token of the model's encoding, " + encoding.wireName() + ".");
                    }
                }
                window.requireFits(ids.tokens().length, param, what);
                yield ids.tokens().length;
            }
        };
    }
}
