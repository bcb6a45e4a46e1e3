package dev.llmworkbench.domain.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TokenEncodingTest {
    @ParameterizedTest
    @EnumSource(TokenEncoding.class)
    void noTokenIsLongerThanTheBoundTheLowerBoundAssumes(TokenEncoding encoding) {
        int longest = 0;
        for (int id = 0; id < 210_000; id++) {
            if (encoding.isToken(id)) {
                longest = Math.max(longest, encoding.bytes(id).length);
            }
        }
        assertTrue(longest <= TokenEncoding.MAX_TOKEN_CHARS, encoding + " has a token of " + longest + " bytes");
    }

    @Test
    void shortTextIsEncodedWhole() {
        String text = "Normal prose, with words like antidisestablishmentarianism, numbers 1234567 and    spaces.\n";
        assertEquals(List.of(text.repeat(50)), segments(text.repeat(50)));
    }

    @Test
    void longProseIsCutOnlyWhereAPieceStartsSoItsCountIsExact() {
        // cl100k_base: "hello" is token 15339, " world" 1917, " hello" 24748, and the final " " one more
        String prose = "hello world ".repeat(100_000);
        assertTrue(segments(prose).size() > 100);
        assertEquals(200_001, TokenEncoding.CL100K_BASE.count(prose));
        assertEquals(200_001, TokenEncoding.CL100K_BASE.encode(prose).length);
    }

    @Test
    void longRunsOfOneKindAreCutAtTheBound() {
        for (String run : List.of("a", " ", "=", "é")) {
            String text = "x " + run.repeat(1000) + " y";
            List<String> segments = segments(text);
            assertEquals(text, String.join("", segments));
            assertTrue(segments.size() >= 1000 / TextRuns.MAX_RUN, run + ": " + segments.size());
            for (String segment : segments) {
                assertTrue(segment.length() <= TextRuns.MAX_RUN + 2, run + ": a segment of " + segment.length());
            }
        }
    }

    @Test
    void aCutLongRunStillCountsAsTiktokenCountsIt() {
        // tiktoken o200k_base: 1,000 `a` are 125 tokens of 8 letters, and 256-letter cuts fall on token edges
        assertEquals(125, TokenEncoding.O200K_BASE.count("a".repeat(1000)));
        assertEquals(125, TokenEncoding.O200K_BASE.encode("a".repeat(1000)).length);
    }

    @Test
    void countingStopsOnceTheLimitIsPassed() {
        int count = TokenEncoding.CL100K_BASE.countUpTo(" hello".repeat(100_000), 1000);
        assertTrue(count > 1000 && count < 2000, "stopped at " + count);
    }

    private static List<String> segments(String text) {
        List<String> segments = new ArrayList<>();
        TextRuns.of(text).forEach(segments::add);
        return segments;
    }
}
