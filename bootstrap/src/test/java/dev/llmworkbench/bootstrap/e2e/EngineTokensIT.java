package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: reasoning tokens in usage and in TTFT; the prefix cache's cached tokens as OpenAI
 * reports them (the test server runs {@code prefix-cache-blocks=4096}, {@code reasoning-tokens=engine-reasoner*=12}).
 */
class EngineTokensIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String chat(String model, String content) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}";
    }

    private static JsonNode post(String path, String body, String... headers) throws Exception {
        HttpResponse<String> response = Server.postJson(path, body, headers);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** Time to the first content chunk of a stream, in ms. */
    private static long ttftMs(String body, String... headers) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = Server.postJson("/v1/chat/completions", body.replaceFirst("\\{", "{\"stream\":true,"), headers);
        assertEquals(200, response.statusCode());
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void reasoningTokensAreCountedAsCompletionTokensAndDelayTheFirstToken() throws Exception {
        JsonNode usage = post("/v1/chat/completions", chat("o3-mini", "Think"), "X-REASONING-TOKENS", "30", "X-OUTPUT-LENGTH", "5",
                "X-TTFT-MS", "0", "X-ITL-MS", "0").get("usage");
        assertEquals(30, usage.get("completion_tokens_details").get("reasoning_tokens").asInt());
        assertEquals(35, usage.get("completion_tokens").asInt());
        assertEquals(usage.get("prompt_tokens").asInt() + 35, usage.get("total_tokens").asInt());

        long plain = ttftMs(chat("o3-mini", "Think"), "X-TTFT-MS", "50", "X-ITL-MS", "20", "X-OUTPUT-LENGTH", "1");
        long reasoning = ttftMs(chat("o3-mini", "Think"), "X-TTFT-MS", "50", "X-ITL-MS", "20", "X-OUTPUT-LENGTH", "1",
                "X-REASONING-TOKENS", "30");
        assertTrue(reasoning >= 50 + 30 * 20 && reasoning - plain >= 500, "30 hidden tokens at 20 ms: " + plain + " ms, then " + reasoning + " ms");
    }

    @Test
    void aModelMatchingTheConfiguredPatternReasonsWithoutAHeader() throws Exception {
        JsonNode usage = post("/v1/chat/completions", chat("engine-reasoner-1", "Think"), "X-OUTPUT-LENGTH", "3",
                "X-TTFT-MS", "0", "X-ITL-MS", "0").get("usage");
        assertEquals(12, usage.get("completion_tokens_details").get("reasoning_tokens").asInt());
        assertEquals(15, usage.get("completion_tokens").asInt());
        JsonNode plain = post("/v1/chat/completions", chat("gpt-4o", "Think"), "X-TTFT-MS", "0", "X-ITL-MS", "0").get("usage");
        assertEquals(0, plain.get("completion_tokens_details").get("reasoning_tokens").asInt());
    }

    @Test
    void theResponsesApiReportsReasoningAndCachedTokensInItsOwnShape() throws Exception {
        String input = "Once upon a time " + UUID.randomUUID() + " " + "there was a long story. ".repeat(300);
        String body = "{\"model\":\"o3-mini\",\"store\":false,\"input\":\"" + input + "\"}";
        JsonNode first = post("/v1/responses", body, "X-REASONING-TOKENS", "7", "X-TTFT-MS", "0", "X-ITL-MS", "0").get("usage");
        assertEquals(7, first.get("output_tokens_details").get("reasoning_tokens").asInt());
        assertEquals(0, first.get("input_tokens_details").get("cached_tokens").asInt());
        JsonNode second = post("/v1/responses", body, "X-TTFT-MS", "0", "X-ITL-MS", "0").get("usage");
        int cached = second.get("input_tokens_details").get("cached_tokens").asInt();
        assertTrue(cached >= 1024 && (cached - 1024) % 128 == 0 && cached <= second.get("input_tokens").asInt(), "cached " + cached);
    }

    @Test
    void aRepeatedLongPromptIsCachedInOpenAisStepsAndSkipsItsPrefill() throws Exception {
        String model = "engine-cache-" + UUID.randomUUID().toString().substring(0, 8);
        String prompt = "The quarterly report covers revenue, costs and outlook. ".repeat(200);
        String[] headers = {"X-PREFILL-US-PER-TOKEN", "500", "X-TTFT-MS", "10", "X-ITL-MS", "0", "X-OUTPUT-LENGTH", "1"};
        long start = System.nanoTime();
        JsonNode first = post("/v1/chat/completions", chat(model, prompt), headers).get("usage");
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        JsonNode second = post("/v1/chat/completions", chat(model, prompt), headers).get("usage");
        long secondMs = (System.nanoTime() - start) / 1_000_000;

        int promptTokens = first.get("prompt_tokens").asInt();
        assertTrue(promptTokens > 2000, "a prompt past OpenAI's 1,024-token minimum: " + promptTokens);
        assertEquals(0, first.get("prompt_tokens_details").get("cached_tokens").asInt());
        int cached = second.get("prompt_tokens_details").get("cached_tokens").asInt();
        assertTrue(cached >= promptTokens - 128 - 16 && cached < promptTokens && (cached - 1024) % 128 == 0,
                "cached " + cached + " of " + promptTokens);
        assertTrue(firstMs - secondMs >= 0.5 * 1024 - 100, "prefill skipped: " + firstMs + " ms, then " + secondMs + " ms");

        VllmScrape scrape = VllmScrape.scrape();
        assertEquals(2.0 * promptTokens, scrape.value("vllm:prefix_cache_queries_total", model));
        double hits = scrape.value("vllm:prefix_cache_hits_total", model);
        assertTrue(hits >= cached && hits < promptTokens && hits % 16 == 0, "block-granular hits " + hits);
    }

    @Test
    void aShortRepeatedPromptReportsNoCachedTokensAsOpenAiDoes() throws Exception {
        String model = "engine-cache-" + UUID.randomUUID().toString().substring(0, 8);
        String prompt = "A short prompt, repeated. ".repeat(20);
        post("/v1/chat/completions", chat(model, prompt), "X-TTFT-MS", "0", "X-ITL-MS", "0");
        JsonNode second = post("/v1/chat/completions", chat(model, prompt), "X-TTFT-MS", "0", "X-ITL-MS", "0").get("usage");
        assertEquals(0, second.get("prompt_tokens_details").get("cached_tokens").asInt());
        assertTrue(VllmScrape.scrape().value("vllm:prefix_cache_hits_total", model) > 0, "the engine found the blocks all the same");
    }
}
