package dev.llmworkbench.domain.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.domain.chat.FinishReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiecesTest {
    @Test
    void givesBackEveryPieceAsItWasGivenIncludingEmptyOnesAndSurrogatePairs() {
        List<String> given = List.of("Hel", "", "lo", " 👋", "!");

        List<String> pieces = Pieces.of(given);

        assertEquals(given, pieces);
        assertEquals(5, pieces.size());
        assertEquals(" 👋", pieces.get(3));
    }

    @Test
    void aChoiceJoinsItsPiecesIntoItsText() {
        GeneratedChoice choice = GeneratedChoice.content(0, List.of("Hel", "lo", " world"), 3, FinishReason.STOP);

        assertEquals("Hello world", choice.text());
        assertEquals(List.of("Hel", "lo", " world"), choice.pieces());
    }

    @Test
    void refusesANullPieceAndAnyChange() {
        List<String> withNull = new java.util.ArrayList<>(List.of("a"));
        withNull.add(null);

        assertThrows(NullPointerException.class, () -> Pieces.of(withNull));
        assertThrows(UnsupportedOperationException.class, () -> Pieces.of(List.of("a", "b")).set(0, "c"));
    }

    @Test
    void anEmptyAnswerHasNoPiecesAndNoText() {
        GeneratedChoice choice = GeneratedChoice.content(0, List.of(), 0, FinishReason.LENGTH);

        assertEquals(List.of(), choice.pieces());
        assertEquals("", choice.text());
    }
}
