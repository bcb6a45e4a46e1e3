package dev.llmworkbench.domain.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContextWindowsTest {
    private static final ContextWindow CATALOG = new ContextWindow(128_000);

    @Test
    void theMostSpecificPatternDecidesAndAnUnmatchedModelKeepsTheCatalogsWindow() {
        ContextWindows windows = ContextWindows.parse("gpt-4o*=64000, gpt-4o-mini=1000,gpt-3.5*=16385");
        assertEquals(64_000, windows.forModel("gpt-4o", CATALOG).tokens());
        assertEquals(1_000, windows.forModel("gpt-4o-mini", CATALOG).tokens());
        assertEquals(16_385, windows.forModel("gpt-3.5-turbo", CATALOG).tokens());
        assertEquals(128_000, windows.forModel("codechat", CATALOG).tokens());
        assertEquals("gpt-4o*=64000,gpt-4o-mini=1000,gpt-3.5*=16385", windows.text());
    }

    @Test
    void anEmptySettingSetsNoWindow() {
        assertEquals(ContextWindows.NONE, ContextWindows.parse(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o", "gpt-4o=", "=100", "gpt-4o=0", "gpt-4o=-5", "gpt-4o=1e5", "gpt 4o=100", "gpt-4o=99999999999"})
    void anEntryThatIsNotPatternEqualsTokensIsRefused(String setting) {
        assertThrows(IllegalArgumentException.class, () -> ContextWindows.parse(setting));
    }

    @Test
    void promptPlusRequestedOutputPastTheWindowIsRefusedInOpenAisWords() {
        // OpenAI's message, as clients have quoted it: "This model's maximum context length is 4097 tokens. However, you
        // requested 4295 tokens (3245 in the messages, 1050 in the completion). Please reduce the length of the messages or completion."
        InvalidRequestException chat = assertThrows(InvalidRequestException.class,
                () -> new ContextWindow(4097).requireFitsWithCompletion(3245, 1050, "messages"));
        assertEquals("This model's maximum context length is 4097 tokens. However, you requested 4295 tokens (3245 in the messages, "
                + "1050 in the completion). Please reduce the length of the messages or completion.", chat.getMessage());
        assertEquals("context_length_exceeded", chat.code());
        assertEquals("messages", chat.param());
        InvalidRequestException legacy = assertThrows(InvalidRequestException.class,
                () -> new ContextWindow(4097).requireFitsWithCompletion(3201, 976, "prompt"));
        assertEquals("This model's maximum context length is 4097 tokens. However, you requested 4177 tokens (3201 in your prompt; "
                + "976 for the completion). Please reduce your prompt; or completion length.", legacy.getMessage());
    }

    @Test
    void promptPlusOutputThatExactlyFillsTheWindowIsServed() {
        new ContextWindow(4097).requireFitsWithCompletion(4000, 97, "messages");
    }
}
