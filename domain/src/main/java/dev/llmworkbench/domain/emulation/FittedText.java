package dev.llmworkbench.domain.emulation;

import dev.llmworkbench.domain.tokens.TokenEncoding;
import java.util.ArrayList;
import java.util.List;

/**
 * A given text fitted to an exact token count. Cutting a text, or joining copies of it, can change how the joined
 * text encodes (pieces that merge across the join, a multi-byte character split between tokens), so the fit is
 * checked by encoding it again: only pieces of exactly one token are taken, any token still missing is made up with
 * generated words, and a text that still does not encode to the count is replaced by generated text, which always does.
 */
final class FittedText {
    private FittedText() {
    }

    static List<String> pieces(TokenEncoding encoding, String text, int tokens, long seed) {
        // no token spans more than MAX_TOKEN_CHARS characters, so a longer text is not needed for the count
        String source = text.length() > (long) tokens * TokenEncoding.MAX_TOKEN_CHARS
                ? text.substring(0, tokens * TokenEncoding.MAX_TOKEN_CHARS) : text;
        if (tokens == 0 || source.isBlank()) {
            return TextGenerator.pieces(encoding, tokens, seed);
        }
        int copies = tokens / Math.max(1, encoding.countUpTo(source, tokens)) + 1;
        StringBuilder repeated = new StringBuilder(source);
        for (int i = 1; i < copies && repeated.length() < (long) tokens * TokenEncoding.MAX_TOKEN_CHARS; i++) {
            repeated.append(' ').append(source);
        }
        List<String> pieces = new ArrayList<>(tokens);
        for (String piece : encoding.pieces(repeated.toString())) {
            if (pieces.size() == tokens || encoding.count(piece) != 1) {
                break;
            }
            pieces.add(piece);
        }
        List<String> words = TextGenerator.pieces(encoding, tokens - pieces.size() + 1, seed);
        for (String word : words.subList(1, words.size())) {
            pieces.add(word);
        }
        return encoding.count(String.join("", pieces)) == tokens ? pieces : TextGenerator.pieces(encoding, tokens, seed);
    }
}
