package dev.llmworkbench.domain.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.embedding.EmbeddingInput;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InputTokensTest {
    private static final InputTokens CL100K = new InputTokens(TokenEncoding.CL100K_BASE, new ContextWindow(8192));

    @Test
    void countsTextByTheEncodingAndTokenIdsByNumber() {
        // tiktoken: "the quick brown fox" is ["the", " quick", " brown", " fox"] in cl100k_base
        assertEquals(4, CL100K.count(new EmbeddingInput.Text("the quick brown fox"), "input", "input"));
        assertEquals(3, CL100K.count(new EmbeddingInput.Tokens(new int[] {1, 2, 3}), "input", "input"));
    }

    /** Ids from tiktoken's definitions: cl100k_base has ranks 0-100255 and specials 100257-100260 and 100276; o200k_base ranks 0-199997, specials 199999 and 200018. */
    @ParameterizedTest
    @CsvSource({"CL100K_BASE,100255,true", "CL100K_BASE,100257,true", "CL100K_BASE,100276,true", "CL100K_BASE,100256,false",
            "CL100K_BASE,100261,false", "CL100K_BASE,100277,false", "CL100K_BASE,2147483647,false", "O200K_BASE,199999,true",
            "O200K_BASE,200018,true", "O200K_BASE,200019,false", "P50K_BASE,50280,true", "P50K_BASE,50281,false"})
    void acceptsOnlyIdsOfTheEncoding(TokenEncoding encoding, int id, boolean valid) {
        InputTokens counter = new InputTokens(encoding, new ContextWindow(8192));
        EmbeddingInput input = new EmbeddingInput.Tokens(new int[] {0, id});
        if (valid) {
            assertEquals(2, counter.count(input, "prompt", "prompt"));
        } else {
            assertEquals("prompt", assertThrows(InvalidRequestException.class, () -> counter.count(input, "prompt", "prompt")).param());
        }
    }

    @Test
    void textTooLongForTheWindowIsRefusedWithContextLengthExceeded() {
        // 10,000 tokens of " hello" pass the cheap lower bound (60,000 chars / 128) but not the count
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> CL100K.count(new EmbeddingInput.Text(" hello".repeat(10_000)), "input", "input"));
        assertEquals("context_length_exceeded", e.code());
        assertEquals("input", e.param());
    }

    @Test
    void aHugeSingleWordIsRefusedBeforeItIsEncoded() {
        String word = "a".repeat(31 * 1024 * 1024);
        InvalidRequestException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(InvalidRequestException.class, () -> CL100K.count(new EmbeddingInput.Text(word), "input", "input")));
        assertEquals("context_length_exceeded", e.code());
    }

    @Test
    void tokenIdsPastTheWindowAreRefused() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> CL100K.count(new EmbeddingInput.Tokens(new int[8193]), "input", "input"));
        assertEquals("context_length_exceeded", e.code());
    }
}
