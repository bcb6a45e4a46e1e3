package dev.llmworkbench.domain.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TokenEncodingTest {
    /** Expected encodings: tiktoken's MODEL_TO_ENCODING and MODEL_PREFIX_TO_ENCODING (tiktoken/model.py); o200k_base for ids it does not know. */
    @ParameterizedTest
    @CsvSource({
            "gpt-4o, o200k_base", "gpt-4o-mini-2024-07-18, o200k_base", "gpt-4.1-nano, o200k_base", "chatgpt-4o-latest, o200k_base",
            "o1, o200k_base", "o3-mini, o200k_base", "o4-mini-2025-04-16, o200k_base", "gpt-5, o200k_base", "gpt-5-mini, o200k_base",
            "gpt-4, cl100k_base", "gpt-4-0613, cl100k_base", "gpt-4-32k, cl100k_base", "gpt-4-vision-preview, cl100k_base",
            "gpt-3.5-turbo, cl100k_base", "gpt-3.5-turbo-0301, cl100k_base", "gpt-35-turbo-16k, cl100k_base",
            "text-embedding-3-small, cl100k_base", "text-embedding-ada-002, cl100k_base", "davinci-002, cl100k_base",
            "babbage-002, cl100k_base", "ft:gpt-3.5-turbo:acme::abc123, cl100k_base",
            "text-davinci-003, p50k_base", "text-davinci-002, p50k_base", "code-davinci-002, p50k_base",
            "codechat, o200k_base", "google/gemma-3-4b-it, o200k_base", "meta-llama/Llama-3.1-8B-Instruct, o200k_base"})
    void infersTheEncodingFromTheModelNameAsTiktokenDoes(String model, String encoding) {
        assertEquals(encoding, TokenEncoding.forModel(model).wireName());
    }

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
