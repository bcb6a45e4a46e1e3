package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The official OpenAI Java SDK through the gateway to the route {@code relay}, which points back at this server's own
 * {@code /v1} (the emulator answers there), streamed and not; each answer's row is then read from the SQLite file
 * and checked field by field against what the SDK got.
 */
class GatewaySdkIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MESSAGES = "[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hello there\"}]";

    private static ChatCompletionCreateParams.Builder params(String model, int outputTokens) {
        return ChatCompletionCreateParams.builder().model(model)
                .addSystemMessage("Be brief.").addUserMessage("Hello there")
                .putAdditionalHeader("X-OUTPUT-LENGTH", Integer.toString(outputTokens))
                .putAdditionalHeader("X-TTFT-MS", "20").putAdditionalHeader("X-ITL-MS", "1");
    }

    @Test
    void aChatCompletionThroughARouteIsTheUpstreamsAnswerAndItsRowHoldsEveryField() throws Exception {
        HttpResponseFor<ChatCompletion> raw = Server.openAi().chat().completions().withRawResponse()
                .create(params("relay-gpt-4o", 7).build());
        ChatCompletion completion = raw.parse();
        assertEquals(200, raw.statusCode());
        assertEquals(List.of("relay"), raw.headers().values("X-Gateway-Route"));
        double overhead = Double.parseDouble(raw.headers().values("X-Gateway-Overhead-Ms").getFirst());
        assertTrue(overhead >= 0 && overhead < 1000, "overhead " + overhead);
        assertEquals("relay-gpt-4o", completion.model());
        assertEquals(7, completion.usage().orElseThrow().completionTokens());

        Map<String, Object> row = CompletionLogFile.row(raw.headers().values("x-request-id").getFirst());
        assertEquals(completion.id(), row.get("completion_id"));
        assertEquals("relay-gpt-4o", row.get("model"));
        assertEquals(completion.model(), row.get("model_used"));
        assertEquals("relay", row.get("route"));
        assertEquals("/v1/chat/completions", row.get("endpoint"));
        // the messages as the SDK sent them, whatever order it wrote their keys in
        assertEquals(JSON.readTree(MESSAGES), JSON.readTree((String) row.get("message")));
        assertEquals(completion.choices().getFirst().message().content().orElseThrow(), row.get("content"));
        assertEquals((int) completion.usage().orElseThrow().promptTokens(), row.get("prompt_tokens"));
        assertEquals(7, row.get("completion_tokens"));
        assertEquals((int) completion.usage().orElseThrow().totalTokens(), row.get("total_tokens"));
        assertEquals(0, row.get("stream"));
        assertEquals(200, row.get("status"));
        assertNull(row.get("error"));
        long latency = ((Number) row.get("latency_ns")).longValue();
        long ttft = ((Number) row.get("ttft_ns")).longValue();
        // The emulator waits 20 ms for the first token and 1 ms for each of the 6 after it.
        assertTrue(latency >= 26_000_000L && ttft <= latency, "latency " + latency + " ttft " + ttft);
        assertTrue(Math.abs(((Number) row.get("created_timestamp")).longValue() - System.currentTimeMillis() / 1000) < 120);
    }

    @Test
    void aStreamThroughARouteArrivesChunkByChunkAndItsRowHoldsTheWholeAnswer() throws Exception {
        ChatCompletionCreateParams request = params("relay-gpt-4o-mini", 12)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        String requestId;
        try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> raw = Server.openAi().chat().completions().withRawResponse()
                .createStreaming(request)) {
            assertEquals(List.of("relay"), raw.headers().values("X-Gateway-Route"));
            requestId = raw.headers().values("x-request-id").getFirst();
            try (StreamResponse<ChatCompletionChunk> stream = raw.parse()) {
                stream.stream().forEach(chunks::add);
            }
        }
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> c.choices().forEach(choice -> choice.delta().content().ifPresent(text::append)));
        ChatCompletionChunk last = chunks.getLast();
        assertEquals(12, last.usage().orElseThrow().completionTokens());

        Map<String, Object> row = CompletionLogFile.row(requestId);
        assertEquals(chunks.getFirst().id(), row.get("completion_id"));
        assertEquals("relay-gpt-4o-mini", row.get("model"));
        assertEquals(text.toString(), row.get("content"));
        assertEquals((int) last.usage().orElseThrow().promptTokens(), row.get("prompt_tokens"));
        assertEquals(12, row.get("completion_tokens"));
        assertEquals((int) last.usage().orElseThrow().totalTokens(), row.get("total_tokens"));
        assertEquals(1, row.get("stream"));
        assertEquals(200, row.get("status"));
        assertNull(row.get("error"));
    }

    @Test
    void aModelNoRouteClaimsIsTheEmulatorsAndSaysSo() throws Exception {
        HttpResponseFor<ChatCompletion> raw = Server.openAi().chat().completions().withRawResponse()
                .create(params("gpt-4o", 3).build());
        assertEquals(List.of("emulator"), raw.headers().values("X-Gateway-Route"));
        assertEquals(3, raw.parse().usage().orElseThrow().completionTokens());
    }
}
