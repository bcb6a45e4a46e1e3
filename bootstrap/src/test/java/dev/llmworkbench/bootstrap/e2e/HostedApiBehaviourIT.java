package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The emulator as a hosted API behaves: named failures, context windows, per-key rate limits, readiness, answer content. */
class HostedApiBehaviourIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELLO = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

    @AfterEach
    void restoreTheConfiguredSettings() throws Exception {
        assertEquals(200, EmulatorSettingsApi.reset().statusCode());
    }

    /** Status, type and code as OpenAI's error-code guide gives them for each kind. */
    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"rate_limit,429,requests,rate_limit_exceeded", "invalid_api_key,401,invalid_request_error,invalid_api_key",
            "context_length_exceeded,400,invalid_request_error,context_length_exceeded", "server_error,500,server_error,null",
            "overloaded,503,service_unavailable_error,server_is_overloaded"})
    void eachFailKindAnswersAsOpenAiDoes(String kind, int status, String type, String code) throws Exception {
        for (String body : new String[] {HELLO, HELLO.replaceFirst("\\{", "{\"stream\":true,")}) {
            HttpResponse<String> failed = Server.postJson("/v1/chat/completions", body, "X-FAIL-KIND", kind);
            assertEquals(status, failed.statusCode(), failed.body());
            JsonNode error = JSON.readTree(failed.body()).get("error");
            assertEquals(type, error.get("type").asText());
            assertEquals(code, error.get("code").isNull() ? null : error.get("code").asText());
            assertEquals(kind.equals("rate_limit"), failed.headers().firstValue("Retry-After").isPresent(), failed.headers().toString());
        }
    }

    @Test
    void aFailKindWithARateFailsThatShareAndAnUnknownKindIsA400() throws Exception {
        HttpResponse<String> never = Server.postJson("/v1/chat/completions", HELLO, "X-FAIL-KIND", "overloaded", "X-FAIL-RATE", "0",
                "X-TTFT-MS", "0", "X-ITL-MS", "0");
        assertEquals(200, never.statusCode());
        HttpResponse<String> unknown = Server.postJson("/v1/chat/completions", HELLO, "X-FAIL-KIND", "teapot");
        assertEquals(400, unknown.statusCode());
        assertEquals("X-FAIL-KIND", JSON.readTree(unknown.body()).get("error").get("param").asText());
    }

    @Test
    void promptPlusMaxTokensPastAConfiguredWindowIsContextLengthExceeded() throws Exception {
        assertEquals(200, EmulatorSettingsApi.patch("{\"context-window\": \"gpt-4o*=100\"}").statusCode());
        // "Hello" as one user message is 8 prompt tokens (3 per message + role + content + 3 to prime the reply)
        HttpResponse<String> refused = Server.postJson("/v1/chat/completions", HELLO.replaceFirst("\\{", "{\"max_tokens\":93,"));
        assertEquals(400, refused.statusCode());
        JsonNode error = JSON.readTree(refused.body()).get("error");
        assertEquals("context_length_exceeded", error.get("code").asText());
        assertEquals("This model's maximum context length is 100 tokens. However, you requested 101 tokens (8 in the messages, "
                + "93 in the completion). Please reduce the length of the messages or completion.", error.get("message").asText());
        HttpResponse<String> header = Server.postJson("/v1/chat/completions", HELLO, "X-OUTPUT-LENGTH", "93");
        assertEquals(400, header.statusCode());
        assertEquals(200, Server.postJson("/v1/chat/completions", HELLO.replaceFirst("\\{", "{\"max_tokens\":92,"),
                "X-TTFT-MS", "0", "X-ITL-MS", "0").statusCode());
        assertEquals(400, Server.postJson("/v1/completions", "{\"model\":\"gpt-4o\",\"prompt\":\"Hello\",\"max_tokens\":100}").statusCode());
    }

    @Test
    void requestsPastTheLimitPerMinuteGetA429WithRetryAfterAndEveryAnswerCarriesTheHeaders() throws Exception {
        assertEquals(200, EmulatorSettingsApi.patch("{\"requests-per-minute\": 3, \"tokens-per-minute\": 100000}").statusCode());
        String key = "Bearer sk-" + UUID.randomUUID();
        for (int remaining = 2; remaining >= 0; remaining--) {
            HttpResponse<String> ok = Server.postJson("/v1/chat/completions", HELLO, "Authorization", key, "X-TTFT-MS", "0", "X-ITL-MS", "0");
            assertEquals(200, ok.statusCode());
            assertEquals("3", ok.headers().firstValue("x-ratelimit-limit-requests").orElseThrow());
            assertEquals(Integer.toString(remaining), ok.headers().firstValue("x-ratelimit-remaining-requests").orElseThrow());
            assertTrue(ok.headers().firstValue("x-ratelimit-reset-requests").orElseThrow().matches("\\d+(\\.\\d+)?s|\\d+ms"));
            assertEquals("100000", ok.headers().firstValue("x-ratelimit-limit-tokens").orElseThrow());
            // every request costs its prompt (8) and its answer (20); the bucket refills meanwhile, at most by a minute's allowance
            long tokensLeft = Long.parseLong(ok.headers().firstValue("x-ratelimit-remaining-tokens").orElseThrow());
            assertTrue(tokensLeft <= 100_000 - 28 && tokensLeft >= 100_000 - 28 * (3 - remaining), Long.toString(tokensLeft));
        }
        HttpResponse<String> limited = Server.postJson("/v1/chat/completions", HELLO, "Authorization", key);
        assertEquals(429, limited.statusCode());
        JsonNode error = JSON.readTree(limited.body()).get("error");
        assertEquals("rate_limit_exceeded", error.get("code").asText());
        assertEquals("requests", error.get("type").asText());
        assertTrue(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertFalse(limited.body().contains(key.substring(7)), "the key is never echoed");
        HttpResponse<String> otherKey = Server.postJson("/v1/chat/completions", HELLO, "Authorization", "Bearer sk-" + UUID.randomUUID(),
                "X-TTFT-MS", "0", "X-ITL-MS", "0");
        assertEquals(200, otherKey.statusCode());
    }

    @Test
    void aStartUpDelayKeepsReadinessDownUntilItHasPassed() throws Exception {
        assertEquals(200, EmulatorSettingsApi.patch("{\"startup-delay-ms\": 86400000}").statusCode());
        HttpResponse<String> notReady = Server.get("/health/ready");
        assertEquals(503, notReady.statusCode());
        assertEquals("DOWN", JSON.readTree(notReady.body()).get("status").asText());
        assertEquals(200, Server.get("/health/live").statusCode());
        assertEquals(200, EmulatorSettingsApi.reset().statusCode());
        assertEquals(200, Server.get("/health/ready").statusCode());
    }

    @Test
    void echoModeAnswersWithTheLastUserMessageAtTheExactLength() throws Exception {
        assertEquals(200, EmulatorSettingsApi.patch("{\"response-mode\": \"echo\"}").statusCode());
        String body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Tell me a story about the sea.\"}]}";
        JsonNode answer = JSON.readTree(Server.postJson("/v1/chat/completions", body, "X-OUTPUT-LENGTH", "25", "X-TTFT-MS", "0",
                "X-ITL-MS", "0").body());
        String content = answer.get("choices").get(0).get("message").get("content").asText();
        assertTrue(content.startsWith("Tell me a story about the sea. Tell me a story"), content);
        assertEquals(25, answer.get("usage").get("completion_tokens").asInt());
        assertEquals(25, Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE).countTokens(content));
    }

    @Test
    void cannedModeAnswersWithTheFilesAnswerForTheModel() throws Exception {
        Path file = Files.createTempFile("canned", ".jsonl");
        Files.writeString(file, "{\"model\":\"gpt-4o*\",\"content\":\"The canned answer.\"}\n{\"model\":\"*\",\"content\":\"Other.\"}\n");
        try {
            assertEquals(200, EmulatorSettingsApi.patch("{\"response-mode\": \"canned:" + file + "\"}").statusCode());
            JsonNode answer = JSON.readTree(Server.postJson("/v1/chat/completions", HELLO, "X-OUTPUT-LENGTH", "4", "X-TTFT-MS", "0",
                    "X-ITL-MS", "0").body());
            String content = answer.get("choices").get(0).get("message").get("content").asText();
            assertTrue(content.startsWith("The canned"), content);
            assertEquals(4, answer.get("usage").get("completion_tokens").asInt());
            HttpResponse<String> missing = EmulatorSettingsApi.patch("{\"response-mode\": \"canned:/no/such/file.jsonl\"}");
            assertEquals(400, missing.statusCode());
            assertEquals("response-mode", JSON.readTree(missing.body()).get("error").get("param").asText());
        } finally {
            Files.delete(file);
        }
    }
}
