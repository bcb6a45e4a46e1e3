package dev.llmworkbench.domain.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.tokens.TokenEncoding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FittedTextTest {
    /** Each piece is one token and the whole encodes to exactly the count asked for, counted by jtokkit. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "Hello, how are you today?|1", "Hello, how are you today?|3", "Hello, how are you today?|40",
            "Hi|500", "日本語のテキストです。絵文字も😀含みます|9", "日本語のテキストです。絵文字も😀含みます|64",
            "a long long word: supercalifragilisticexpialidocious!|17", "   |5", "...|33"})
    void aGivenTextIsCutOrRepeatedToExactlyTheTokensAskedFor(String text, int tokens) {
        for (TokenEncoding encoding : new TokenEncoding[] {TokenEncoding.forModel("gpt-4o"), TokenEncoding.forModel("gpt-4")}) {
            var pieces = new TextSource.Fitted(text).pieces(encoding, tokens, 42);
            assertEquals(tokens, pieces.size(), encoding + " " + pieces);
            assertEquals(tokens, encoding.count(String.join("", pieces)), encoding + " " + pieces);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Hello, how are you today?|3|Hello, how", "Tell me a story.|10|Tell me a story. Tell me a story"})
    void theAnswerIsTheTextItselfCutOrRepeated(String text, int tokens, String expectedStart) {
        String answer = String.join("", new TextSource.Fitted(text).pieces(TokenEncoding.forModel("gpt-4o"), tokens, 1));
        assertTrue(answer.startsWith(expectedStart), answer);
    }
}
