package dev.llmworkbench.rest.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.gateway.Completion.TokenCounts;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AnswerTallyTest {
    /** A streamed chat completion as OpenAI's API reference shows one, with the usage chunk include_usage asks for. */
    private static final String CHAT_STREAM = """
            data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}

            data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}]}

            data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"content":" wörld"},"logprobs":null,"finish_reason":null}]}

            data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}

            data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_44709d6fcb","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}

            data: [DONE]

            """;

    private static AnswerTally read(String text, boolean stream, int pieceBytes) {
        AnswerTally tally = new AnswerTally(stream);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int from = 0; from < bytes.length; from += pieceBytes) {
            byte[] piece = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + pieceBytes));
            tally.accept(piece, piece.length);
        }
        tally.end();
        return tally;
    }

    @ParameterizedTest(name = "in pieces of {0} bytes")
    @ValueSource(ints = {1, 7, 64, 100_000})
    void aStreamReadInAnyPiecesGivesItsIdModelTextUsageAndEnd(int pieceBytes) {
        AnswerTally tally = read(CHAT_STREAM, true, pieceBytes);
        assertEquals(Optional.of("chatcmpl-123"), tally.completionId());
        assertEquals(Optional.of("gpt-4o-mini-2024-07-18"), tally.model());
        assertEquals(Optional.of("Hello wörld"), tally.content());
        assertEquals(TokenCounts.of(9, 2, 11), tally.tokens());
        assertTrue(tally.finished());
    }

    @Test
    void aStreamWithoutDoneIsNotFinished() {
        assertFalse(read(CHAT_STREAM.replace("data: [DONE]", ""), true, 50).finished());
    }

    @Test
    void aWholeChatCompletionGivesItsToolCallsAsContent() {
        String body = """
                {"id":"chatcmpl-abc123","object":"chat.completion","created":1699896916,"model":"gpt-4o-mini","choices":[{"index":0,
                "message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_abc123","type":"function","function":
                {"name":"get_current_weather","arguments":"{\\"location\\": \\"Boston, MA\\"}"}}]},"logprobs":null,
                "finish_reason":"tool_calls"}],"usage":{"prompt_tokens":82,"completion_tokens":17,"total_tokens":99}}""";
        AnswerTally tally = read(body, false, 13);
        assertEquals(Optional.of("[{\"id\":\"call_abc123\",\"type\":\"function\",\"function\":{\"name\":\"get_current_weather\","
                + "\"arguments\":\"{\\\"location\\\": \\\"Boston, MA\\\"}\"}}]"), tally.content());
        assertEquals(TokenCounts.of(82, 17, 99), tally.tokens());
    }

    @Test
    void aResponsesApiStreamEndsWithResponseCompletedAndCountsInputAndOutputTokens() {
        String stream = """
                event: response.created
                data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_1","model":"gpt-4o","usage":null}}

                event: response.output_text.delta
                data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_1","output_index":0,"content_index":0,"delta":"Hi"}

                event: response.completed
                data: {"type":"response.completed","sequence_number":9,"response":{"id":"resp_1","model":"gpt-4o-2024-08-06","usage":{"input_tokens":36,"output_tokens":1,"total_tokens":37}}}

                """;
        AnswerTally tally = read(stream, true, 5);
        assertEquals(Optional.of("resp_1"), tally.completionId());
        assertEquals(Optional.of("gpt-4o-2024-08-06"), tally.model());
        assertEquals(Optional.of("Hi"), tally.content());
        assertEquals(TokenCounts.of(36, 1, 37), tally.tokens());
        assertTrue(tally.finished());
    }

    @Test
    void aBodyThatIsNotJsonLeavesTheRowWithoutFields() {
        AnswerTally tally = read("<html>Bad gateway</html>", false, 4);
        assertEquals(Optional.empty(), tally.content());
        assertEquals(TokenCounts.NONE, tally.tokens());
    }
}
