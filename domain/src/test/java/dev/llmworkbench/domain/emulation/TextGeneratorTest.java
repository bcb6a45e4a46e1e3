package dev.llmworkbench.domain.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.llmworkbench.domain.tokens.TokenEncoding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TextGeneratorTest {
    @ParameterizedTest
    @EnumSource(TokenEncoding.class)
    void textEncodesBackToExactlyTheRequestedTokenCount(TokenEncoding encoding) {
        for (int tokens = 0; tokens <= 300; tokens++) {
            for (long seed = 0; seed < 5; seed++) {
                List<String> pieces = TextGenerator.pieces(encoding, tokens, seed * 7919 + tokens);
                assertEquals(tokens, pieces.size());
                assertEquals(tokens, encoding.count(String.join("", pieces)), "tokens=" + tokens + " seed=" + seed);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TokenEncoding.class)
    void everyPieceIsExactlyOneToken(TokenEncoding encoding) {
        for (String piece : TextGenerator.pieces(encoding, 2000, 42)) {
            assertEquals(1, encoding.encode(piece).length, piece);
        }
    }

    @Test
    void sameSeedSameTextOtherSeedOtherText() {
        assertEquals(TextGenerator.pieces(TokenEncoding.CL100K_BASE, 50, 1), TextGenerator.pieces(TokenEncoding.CL100K_BASE, 50, 1));
        assertNotEquals(TextGenerator.pieces(TokenEncoding.CL100K_BASE, 50, 1), TextGenerator.pieces(TokenEncoding.CL100K_BASE, 50, 2));
    }

    @Test
    void textReadsAsSentences() {
        String text = String.join("", TextGenerator.pieces(TokenEncoding.O200K_BASE, 40, 3));
        assertEquals(true, Character.isUpperCase(text.charAt(0)), text);
        assertEquals(true, text.endsWith("."), text);
    }
}
