package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET, PATCH and DELETE of /api/emulator/config, and requests that see the change. */
class EmulatorLiveSettingsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELLO = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
    /** The keys of the README's configuration table under workbench.emulator., less stored-responses (a store's capacity). */
    private static final List<String> KEYS = List.of("ttft-ms", "itl-ms", "output-length", "max-ttft-ms", "max-itl-ms",
            "max-output-length", "max-delay-ms", "prefill-us-per-token", "load-factor", "load-concurrency", "fail-rate",
            "fail-status", "cut-rate", "cut-after-tokens", "models", "strict-models", "context-window", "fail-kind",
            "requests-per-minute", "tokens-per-minute", "startup-delay-ms", "response-mode", "max-num-seqs", "max-waiting",
            "ttft-stddev-ms", "itl-stddev-ms", "reasoning-tokens", "cached-tokens-rule", "prefix-cache-block-tokens",
            "prefix-cache-blocks");

    @AfterEach
    void restoreTheConfiguredSettings() throws Exception {
        assertEquals(200, EmulatorSettingsApi.reset().statusCode());
    }

    @Test
    void getShowsEverySettingInForceWithItsConfiguredDefault() throws Exception {
        HttpResponse<String> response = Server.get(EmulatorSettingsApi.PATH);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode settings = JSON.readTree(response.body());
        List<String> names = new ArrayList<>();
        settings.fieldNames().forEachRemaining(names::add);
        assertEquals(KEYS, names);
        // the README's defaults
        assertEquals(100, settings.get("ttft-ms").asInt());
        assertEquals(50, settings.get("itl-ms").asInt());
        assertEquals(20, settings.get("output-length").asInt());
        assertEquals("generated", settings.get("response-mode").asText());
        assertTrue(settings.get("fail-kind").isNull());
    }

    @Test
    void aPatchChangesTheRequestsThatArriveAfterIt() throws Exception {
        HttpResponse<String> patched = EmulatorSettingsApi.patch("{\"output-length\": 7, \"ttft-ms\": \"0\", \"itl-ms\": 0}");
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals(7, JSON.readTree(patched.body()).get("output-length").asInt());
        JsonNode answer = JSON.readTree(Server.postJson("/v1/chat/completions", HELLO).body());
        assertEquals(7, answer.get("usage").get("completion_tokens").asInt(), answer.toString());
        assertEquals(200, EmulatorSettingsApi.reset().statusCode());
        answer = JSON.readTree(Server.postJson("/v1/chat/completions", HELLO, "X-TTFT-MS", "0", "X-ITL-MS", "0").body());
        assertEquals(20, answer.get("usage").get("completion_tokens").asInt(), answer.toString());
    }

    @Test
    void aBadValueIsA400NamingTheKeyAndChangesNothing() throws Exception {
        String before = Server.get(EmulatorSettingsApi.PATH).body();
        for (String body : List.of("{\"itl-ms\": 5, \"fail-rate\": 2}", "{\"itl-ms\": 5, \"fail-rate\": \"lots\"}",
                "{\"itl-ms\": 5, \"fail-rate\": null}", "{\"itl-ms\": 5, \"fail-rate\": [1]}")) {
            HttpResponse<String> refused = EmulatorSettingsApi.patch(body);
            assertEquals(400, refused.statusCode(), body + " " + refused.body());
            JsonNode error = JSON.readTree(refused.body()).get("error");
            assertEquals("invalid_request_error", error.get("type").asText());
            assertEquals("fail-rate", error.get("param").asText(), refused.body());
        }
        HttpResponse<String> unknown = EmulatorSettingsApi.patch("{\"itl\": 5}");
        assertEquals(400, unknown.statusCode());
        assertEquals("itl", JSON.readTree(unknown.body()).get("error").get("param").asText());
        assertEquals(400, EmulatorSettingsApi.patch("[1]").statusCode());
        assertEquals(400, EmulatorSettingsApi.patch("{").statusCode());
        assertEquals(before, Server.get(EmulatorSettingsApi.PATH).body());
    }
}
