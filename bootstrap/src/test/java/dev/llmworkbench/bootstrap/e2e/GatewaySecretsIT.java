package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every gateway path with marker API keys (the caller's, and the routes' from the test server's configuration):
 * none may appear in any answer, in the server's log or in the SQLite file (its write-ahead log included).
 */
class GatewaySecretsIT {
    private static final Pattern MARKER = Pattern.compile("sk-marker-[a-z]+-[0-9a-f]+");
    private static final String[] CALLER_KEYS = {"Authorization", "Bearer sk-marker-caller-9d8e", "api-key", "sk-marker-caller-1a2b"};

    private static String chat(String model, boolean stream) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    }

    private static String[] with(String... headers) {
        String[] all = new String[CALLER_KEYS.length + headers.length];
        System.arraycopy(CALLER_KEYS, 0, all, 0, CALLER_KEYS.length);
        System.arraycopy(headers, 0, all, CALLER_KEYS.length, headers.length);
        return all;
    }

    @Test
    void noMarkerKeyReachesAnAnswerTheLogOrTheStore() throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        List<HttpResponse<String>> unrecorded = new ArrayList<>();
        try (FakeUpstream fake = new FakeUpstream()) {
            answers.add(Server.postJson("/v1/chat/completions", chat("relay-gpt-4o", false), with("X-TTFT-MS", "1")));
            answers.add(Server.postJson("/v1/chat/completions", chat("relay-gpt-4o", true), with("X-TTFT-MS", "1", "X-ITL-MS", "1")));
            answers.add(Server.postJson("/v1/chat/completions", chat("relay-gpt-4o", true),
                    with("X-CUT-AFTER-TOKENS", "2", "X-TTFT-MS", "1", "X-ITL-MS", "1")));
            answers.add(Server.postJson("/v1/chat/completions", chat("relay-gpt-4o", false), with("X-FAIL-STATUS", "401")));
            answers.add(Server.postJson("/v1/completions", "{\"model\":\"relay-davinci\",\"prompt\":\"Hi\"}", with("X-TTFT-MS", "1")));
            answers.add(Server.postJson("/v1/embeddings", "{\"model\":\"relay-text-embedding-3-small\",\"input\":\"Hi\"}", with()));
            answers.add(Server.postJson("/v1/responses", "{\"model\":\"relay-gpt-4o\",\"input\":\"Hi\"}", with("X-TTFT-MS", "1")));
            answers.add(Server.postJson("/v1/chat/completions", chat("fake-gpt-4o", false), with()));
            answers.add(Server.postJson("/v1/chat/completions", chat("fake-gpt-4o", false), with("X-Fake", "ratelimit")));
            answers.add(Server.postJson("/v1/chat/completions", chat("fake-gpt-4o", false), with("X-Fake", "malformed")));
            answers.add(Server.postJson("/v1/chat/completions", chat("refused-gpt-4o", false), with()));
            answers.add(Server.postJson("/process-payload/", "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", with()));
            answers.add(Server.postJson("/v1/chat/completions", chat("gpt-4o", false), with("X-TTFT-MS", "1")));
            // A body that is not JSON is no completion, so it has no row.
            unrecorded.add(Server.postJson("/v1/chat/completions", "{\"model\":\"relay-gpt-4o\",", with()));
            assertEquals("Bearer sk-marker-fake-1b2c3d", fake.received.getFirst().headers().get("authorization"),
                    "the route's key is what the upstream gets");
        }
        for (HttpResponse<String> answer : answers) {
            CompletionLogFile.row(answer.headers().firstValue("x-request-id").orElseThrow());
        }
        answers.addAll(unrecorded);
        for (HttpResponse<String> answer : answers) {
            assertFalse(MARKER.matcher(answer.body()).find(), answer.body());
            assertFalse(MARKER.matcher(answer.headers().map().toString()).find(), answer.headers().map().toString());
        }
        assertFalse(MARKER.matcher(Server.get("/api/completions?limit=100").body()).find());
        assertFalse(MARKER.matcher(Server.get("/api/usage").body()).find());
        for (String file : List.of(CompletionLogFile.PATH, CompletionLogFile.PATH + "-wal", System.getProperty("workbench.it.log"))) {
            Path path = Path.of(file);
            if (Files.exists(path)) {
                String text = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
                assertFalse(MARKER.matcher(text).find(), file + " holds a marker key");
            }
        }
        assertTrue(Files.exists(Path.of(CompletionLogFile.PATH)));
    }
}
