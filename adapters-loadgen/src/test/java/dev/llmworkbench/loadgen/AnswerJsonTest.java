package dev.llmworkbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"choices\":[{\"delta\":{\"content\":\"Hi\"}}],\"usage\":{\"prompt_tokens\":1,]}}",
        "{\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]} {}",
        "{\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]",
        "[{\"choices\":[]}]",
        "\"choices\"",
        ""
    })
    void readsNothingFromABodyThatIsNotOneWellFormedObject(String body) {
        assertEquals(Optional.empty(), AnswerJson.parse(body));
    }

    @Test
    void readsTheFirstChoiceOnly() {
        AnswerFields chunk = AnswerJson.parse("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}},"
                + "{\"index\":1,\"delta\":{\"content\":\"second\"}}]}").orElseThrow();

        assertNull(chunk.deltaContent);
        assertTrue(chunk.isAnswer());
    }

    @Test
    void takesNoUsageWhoseCountIsNotANonNegativeInteger() {
        AnswerFields fraction = AnswerJson.parse(
                "{\"choices\":[],\"usage\":{\"prompt_tokens\":1.5,\"completion_tokens\":2}}").orElseThrow();
        AnswerFields negative = AnswerJson.parse(
                "{\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":-2}}").orElseThrow();

        assertEquals(Optional.empty(), fraction.chatUsage());
        assertEquals(Optional.empty(), negative.chatUsage());
    }

    @Test
    void readsTheUsageAndTheContentWhereverTheyStandInTheObject() {
        AnswerFields whole = AnswerJson.parse("{\"usage\":{\"completion_tokens\":12,\"total_tokens\":21,"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":0},\"prompt_tokens\":9},\"id\":\"chatcmpl-123\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello there\"},"
                + "\"logprobs\":null,\"finish_reason\":\"stop\"}]}").orElseThrow();

        assertEquals("Hello there", whole.messageContent);
        assertEquals(Optional.of(new Usage(9, 12)), whole.chatUsage());
    }

    @Test
    void anErrorKeyMakesAnObjectWithChoicesNoAnswer() {
        AnswerFields error = AnswerJson.parse("{\"choices\":[],\"error\":{\"message\":\"overloaded\"}}").orElseThrow();

        assertFalse(error.isAnswer());
    }
}
