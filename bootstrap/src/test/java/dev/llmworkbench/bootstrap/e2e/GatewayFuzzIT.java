package dev.llmworkbench.bootstrap.e2e;

import java.net.http.HttpRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The gateway: chat completions for the configured routes' models (relayed to this server, to a refused port, to a
 * host that does not resolve), {@code /process-payload/} payloads, the completion log's query parameters and ids, and
 * the emulator's live settings ({@code PATCH /api/emulator/config}, restored afterwards): never a 5xx the server made
 * itself, never its insides. The server stays ready and its store sound.
 */
class GatewayFuzzIT {
    private static final String CHAT = "{\"model\":\"relay-fuzz\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":3,"
            + "\"stream\":false,\"stream_options\":{\"include_usage\":true},\"temperature\":1}";
    private static final String PAYLOAD = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}]}],"
            + "\"temperature\":0.5,\"top_p\":1,\"max_tokens\":3}";

    record Relayed(String body, String model) {
    }

    @Provide
    Arbitrary<Relayed> relayed() {
        // relay-* reaches this server's emulator through the gateway; hasty-* likewise; nowhere-* does not resolve
        return Combinators.combine(FuzzArbitraries.mutated(CHAT), Arbitraries.of("relay-fuzz", "hasty-fuzz", "nowhere-fuzz", "gpt-4o"))
                .as((body, model) -> new Relayed(body.replace("relay-fuzz", model), model));
    }

    /** A route that cannot be reached is the upstream's fault, answered 502/504 in OpenAI's shape: allowed, a crash is not. */
    @Property(tries = 300)
    void everyRoutedChatCompletionIsAnsweredInOpenAisShape(@ForAll("relayed") Relayed request) throws Exception {
        HttpRequest.Builder post = FuzzAnswers.request("/v1/chat/completions").header("Content-Type", "application/json")
                .header("X-TTFT-MS", "0").header("X-ITL-MS", "0").POST(HttpRequest.BodyPublishers.ofString(request.body()));
        if (request.model().startsWith("nowhere")) {
            FuzzAnswers.sendAllowingUpstreamFaults(post, request.toString());
        } else {
            FuzzAnswers.send(post, FuzzAnswers.Shape.OPENAI, request.toString());
        }
    }

    @Property(tries = 300)
    void everyPayloadIsAnsweredWithoutA5xx(@ForAll("payloads") String payload) throws Exception {
        FuzzAnswers.send(FuzzAnswers.request("/process-payload/").header("Content-Type", "application/json").header("X-TTFT-MS", "0")
                .header("X-ITL-MS", "0").POST(HttpRequest.BodyPublishers.ofString(payload)), FuzzAnswers.Shape.FASTAPI, payload);
    }

    @Provide
    Arbitrary<String> payloads() {
        return Arbitraries.oneOf(FuzzArbitraries.mutated(PAYLOAD), FuzzArbitraries.text());
    }

    @Property(tries = 200)
    void everyCompletionLogQueryAndIdIsAnsweredWithoutA5xx(@ForAll("queries") String query, @ForAll("ids") String id) throws Exception {
        FuzzAnswers.send(FuzzAnswers.request("/api/completions?" + query), FuzzAnswers.Shape.OPENAI, "completions " + query);
        FuzzAnswers.send(FuzzAnswers.request("/api/usage?" + query), FuzzAnswers.Shape.OPENAI, "usage " + query);
        FuzzAnswers.send(FuzzAnswers.request("/api/completions/" + id), FuzzAnswers.Shape.OPENAI, "completion " + id);
    }

    @Provide
    Arbitrary<String> queries() {
        return Combinators.combine(Arbitraries.of("model", "route", "status", "since", "until", "limit", "after", "x"),
                Arbitraries.oneOf(FuzzArbitraries.text(), Arbitraries.of("2026-01-01T00:00:00Z", "1700000000", "200", "-5", "100000")))
                .as((n, v) -> n + "=" + FuzzAnswers.encoded(v)).list().ofMaxSize(4).map(parts -> String.join("&", parts));
    }

    @Provide
    Arbitrary<String> ids() {
        return FuzzArbitraries.pathId("chatcmpl-").map(FuzzAnswers::encoded);
    }

    @Property(tries = 200)
    void everyLiveSettingsPatchIsAllOrNoneWithoutA5xx(@ForAll("patches") String patch) throws Exception {
        FuzzAnswers.send(FuzzAnswers.request("/api/emulator/config").header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)), FuzzAnswers.Shape.OPENAI, patch);
        // an accepted change (a failure rate, a long delay) must not reach the other properties' requests
        FuzzAnswers.send(FuzzAnswers.request("/api/emulator/config").DELETE(), FuzzAnswers.Shape.OPENAI, "restore the settings");
    }

    @Provide
    Arbitrary<String> patches() {
        return Arbitraries.oneOf(FuzzArbitraries.mutated("{\"ttft-ms\":0,\"itl-ms\":0,\"output-length\":5,\"max-num-seqs\":0,"
                + "\"fail-rate\":0,\"response-mode\":\"generated\"}"), FuzzArbitraries.text());
    }

    @AfterContainer
    static void theServerStaysReadyAndItsStoreSound() throws Exception {
        FuzzAnswers.assertServerIntact();
    }
}
