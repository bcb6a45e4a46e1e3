package dev.llmworkbench.domain.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenLengthsTest {
    @Test
    void parsesTheTaskRunnersCommaSeparatedLengthsInOrder() {
        assertEquals(List.of(128, 512), TokenLengths.parse("128,512", "input_lens").tokens());
        assertEquals(List.of(512, 128, 1), TokenLengths.parse(" 512 , 128,1 ", "input_lens").tokens());
        assertEquals(List.of(2_000_000), TokenLengths.parse("2000000", "output_lens").tokens());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "0", "-1", "1,,2", "1,", ",1", "abc", "1.5", "2000001", "9999999999", "1;2", "1 2", "+3"})
    void refusesWhatIsNotAListOfPositiveLengthsNamingTheField(String text) {
        for (String field : List.of("input_lens", "output_lens")) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> TokenLengths.parse(text, field));
            assertEquals(field, e.param());
            assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
        }
    }
}
