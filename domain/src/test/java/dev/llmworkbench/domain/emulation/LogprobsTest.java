package dev.llmworkbench.domain.emulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.tokens.TokenEncoding;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogprobsTest {
    private static final TokenEncoding ENCODING = TokenEncoding.O200K_BASE;

    @Test
    void theChosenTokenLeadsDistinctFallingAlternativesWhoseProbabilitiesSumToAtMostOne() {
        List<String> tokens = TextGenerator.pieces(ENCODING, 300, 9);
        List<TokenLogprob> rated = Logprobs.of(ENCODING, tokens, Logprobs.MAX_TOP_CHAT, 4);
        assertEquals(tokens.size(), rated.size());
        for (int i = 0; i < rated.size(); i++) {
            TokenLogprob token = rated.get(i);
            assertEquals(tokens.get(i), token.token());
            assertArrayEquals(tokens.get(i).getBytes(StandardCharsets.UTF_8), token.bytes());
            assertTrue(token.logprob() < 0 && token.logprob() > -1, "p(chosen) >= 1/e: " + token.logprob());
            assertEquals(Logprobs.MAX_TOP_CHAT, token.top().size());
            assertEquals(token.token(), token.top().getFirst().token());
            assertEquals(token.logprob(), token.top().getFirst().logprob());
            double total = 0;
            for (int k = 0; k < token.top().size(); k++) {
                total += Math.exp(token.top().get(k).logprob());
                if (k > 0) {
                    assertTrue(token.top().get(k).logprob() <= token.top().get(k - 1).logprob(), "falling at " + k);
                    assertEquals(1, ENCODING.count(token.top().get(k).token()), "an alternative is one token");
                }
            }
            assertTrue(total <= 1.0, "sum " + total);
            assertEquals(token.top().size(), new HashSet<>(token.top().stream().map(TokenLogprob::token).toList()).size());
        }
    }

    @Test
    void sameSeedSameNumbersOtherSeedOtherNumbers() {
        List<String> tokens = List.of("Hello", " world", ".");
        assertEquals(Logprobs.of(ENCODING, tokens, 3, 1).get(1).logprob(), Logprobs.of(ENCODING, tokens, 3, 1).get(1).logprob());
        assertNotEquals(Logprobs.of(ENCODING, tokens, 3, 1).get(1).logprob(), Logprobs.of(ENCODING, tokens, 3, 2).get(1).logprob());
        assertEquals(List.of(), Logprobs.of(ENCODING, tokens, 0, 1).get(0).top());
    }

    @Test
    void promptTokensThatSplitACharacterAreSpelledAsBytesAndOffsetsCountCharacters() {
        String prompt = "a😀b";
        int[] ids = TokenEncoding.CL100K_BASE.encode(prompt);
        List<TokenLogprob> tokens = Logprobs.ofIds(TokenEncoding.CL100K_BASE, ids, 1, 3);
        assertTrue(tokens.stream().anyMatch(t -> t.token().startsWith("bytes:\\x")), tokens.stream().map(TokenLogprob::token).toList().toString());
        int[] offsets = Logprobs.textOffsets(tokens, 0);
        assertEquals(0, offsets[0]);
        assertEquals(1, offsets[1], "the emoji starts after 'a'");
        assertEquals(3, offsets[offsets.length - 1], "'b' starts after the emoji's two UTF-16 units");
        byte[] joined = tokens.stream().map(TokenLogprob::bytes).reduce(new byte[0], LogprobsTest::concat);
        assertEquals(prompt, new String(joined, StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
