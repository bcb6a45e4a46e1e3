package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Token usage in the completion log for every answer, through the official OpenAI Java SDK: the emulator's own answers
 * are recorded too, a stream whose caller did not ask for usage is asked for it upstream without the caller seeing the
 * extra chunk, and a stream that brings no usage is counted with the tokenizer. Expected counts come from the
 * emulator's own {@code usage} for the same request.
 */
class GatewayUsageIT {
    private static ChatCompletionCreateParams.Builder params(String model) {
        return ChatCompletionCreateParams.builder().model(model)
                .addSystemMessage("Be brief.").addUserMessage("How many tokens is this prompt?")
                .putAdditionalHeader("X-OUTPUT-LENGTH", "12")
                .putAdditionalHeader("X-TTFT-MS", "5").putAdditionalHeader("X-ITL-MS", "1");
    }

    private record Streamed(String requestId, List<ChatCompletionChunk> chunks) {
        String text() {
            StringBuilder text = new StringBuilder();
            chunks.forEach(c -> c.choices().forEach(choice -> choice.delta().content().ifPresent(text::append)));
            return text.toString();
        }
    }

    private static Streamed stream(ChatCompletionCreateParams request) {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> raw = Server.openAi().chat().completions().withRawResponse()
                .createStreaming(request)) {
            String requestId = raw.headers().values("x-request-id").getFirst();
            try (StreamResponse<ChatCompletionChunk> stream = raw.parse()) {
                stream.stream().forEach(chunks::add);
            }
            return new Streamed(requestId, chunks);
        }
    }

    @Test
    void anAnswerOfTheBuiltInEmulatorIsRecordedLikeAForwardedOne() throws Exception {
        HttpResponseFor<ChatCompletion> raw = Server.openAi().chat().completions().withRawResponse().create(params("gpt-4o").build());
        ChatCompletion completion = raw.parse();
        assertEquals(List.of("emulator"), raw.headers().values("X-Gateway-Route"));

        Map<String, Object> row = CompletionLogFile.row(raw.headers().values("x-request-id").getFirst());
        assertEquals("emulator", row.get("route"));
        assertEquals(completion.id(), row.get("completion_id"));
        assertEquals("gpt-4o", row.get("model"));
        assertEquals(completion.choices().getFirst().message().content().orElseThrow(), row.get("content"));
        assertEquals((int) completion.usage().orElseThrow().promptTokens(), row.get("prompt_tokens"));
        assertEquals(12, row.get("completion_tokens"));
        assertEquals("upstream", row.get("usage_source"));
        assertEquals(200, row.get("status"));
        assertEquals(0, row.get("stream"));
        assertNull(row.get("error"));
        assertTrue(((Number) row.get("latency_ns")).longValue() >= 16_000_000L, "5 ms to the first token, 1 ms for each of 11 more");
    }

    @Test
    void aStreamThatDidNotAskForUsageGetsNoneWhileItsRowHasTheUpstreamsCounts() throws Exception {
        long expectedPrompt = Server.openAi().chat().completions().create(params("relay-gpt-4o").build())
                .usage().orElseThrow().promptTokens();
        Streamed streamed = stream(params("relay-gpt-4o").build());

        assertTrue(streamed.chunks().stream().allMatch(c -> c.usage().isEmpty()), "no chunk carries usage");
        assertTrue(streamed.chunks().stream().noneMatch(c -> c.choices().isEmpty()), "no extra chunk with empty choices");
        Map<String, Object> row = CompletionLogFile.row(streamed.requestId());
        assertEquals(streamed.text(), row.get("content"));
        assertEquals((int) expectedPrompt, row.get("prompt_tokens"));
        assertEquals(12, row.get("completion_tokens"));
        assertEquals((int) expectedPrompt + 12, row.get("total_tokens"));
        assertEquals("upstream", row.get("usage_source"));
        assertEquals(1, row.get("stream"));
    }

    @Test
    void aStreamThatBringsNoUsageIsCountedWithTheTokenizerAsTheEmulatorCounts() throws Exception {
        ChatCompletionChunk reported = stream(params("gpt-4o")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build()).chunks().getLast();
        Streamed streamed = stream(params("gpt-4o").build());

        assertFalse(streamed.text().isEmpty());
        Map<String, Object> row = CompletionLogFile.row(streamed.requestId());
        assertEquals("emulator", row.get("route"));
        assertEquals("tokenizer", row.get("usage_source"));
        assertEquals((int) reported.usage().orElseThrow().promptTokens(), row.get("prompt_tokens"));
        assertEquals(12, row.get("completion_tokens"));
        assertEquals(streamed.text(), row.get("content"));
    }
}
