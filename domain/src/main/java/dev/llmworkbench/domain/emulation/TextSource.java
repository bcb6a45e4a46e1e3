package dev.llmworkbench.domain.emulation;

import dev.llmworkbench.domain.tokens.TokenEncoding;
import java.util.List;

/**
 * Where a text answer's words come from: generated sentences, or a given text (the caller's own message, a canned
 * answer) cut or repeated to the length. Either way the answer is exactly the tokens asked for.
 */
public sealed interface TextSource {
    TextSource GENERATED = new Generated();

    /** Pieces that join to a text of exactly {@code tokens} tokens, each whole UTF-8. */
    List<String> pieces(TokenEncoding encoding, int tokens, long seed);

    record Generated() implements TextSource {
        @Override
        public List<String> pieces(TokenEncoding encoding, int tokens, long seed) {
            return TextGenerator.pieces(encoding, tokens, seed);
        }
    }

    /** {@code text} repeated (a space between copies) or cut to the length; an empty text falls back to generated words. */
    record Fitted(String text) implements TextSource {
        public Fitted {
            if (text == null) {
                throw new IllegalArgumentException("text is null");
            }
        }

        @Override
        public List<String> pieces(TokenEncoding encoding, int tokens, long seed) {
            return FittedText.pieces(encoding, text, tokens, seed);
        }
    }
}
