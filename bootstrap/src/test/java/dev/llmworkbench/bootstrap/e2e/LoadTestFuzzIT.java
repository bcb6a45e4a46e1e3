package dev.llmworkbench.bootstrap.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The load-test runner's {@code POST /api/load-tests} and {@code POST /run-task/} with plans mutated anywhere, and
 * hostile run ids and list parameters: never a 5xx, never the server's insides, refusals in the endpoint's shape. A
 * queued run is cancelled at once; a task run aims at a closed loopback port and one request a step, so it ends at once.
 */
class LoadTestFuzzIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN = "{\"model\":\"gpt-4o\",\"input_lens\":\"1,2\",\"output_lens\":\"1\",\"user\":2,\"rate\":2,"
            + "\"time_\":\"1s\",\"tags\":\"chat_completions\",\"RANDOM_STRING\":true,\"max_requests\":1,\"load\":{\"type\":\"concurrent\"},"
            + "\"slo\":{\"ttft_ms\":100},\"headers\":{\"X-TTFT-MS\":\"0\"},\"prompts\":[{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}],"
            + "\"host\":\"http://127.0.0.1:1/v1\"}";

    @Provide
    Arbitrary<String> plans() {
        return FuzzArbitraries.mutated(PLAN);
    }

    @Property(tries = 300)
    void everyQueuedPlanIsAnsweredWithoutA5xx(@ForAll("plans") String plan) throws Exception {
        HttpResponse<String> answer = FuzzAnswers.send(FuzzAnswers.request("/api/load-tests").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(plan)), FuzzAnswers.Shape.OPENAI, plan);
        if (answer.statusCode() == 202) {
            String id = JSON.readTree(answer.body()).get("id").asText();
            FuzzAnswers.send(FuzzAnswers.request("/api/load-tests/" + id + "/cancel").POST(HttpRequest.BodyPublishers.noBody()),
                    FuzzAnswers.Shape.OPENAI, "cancel " + id);
        }
    }

    /** The task runner answers FastAPI's way; whatever the plan said, it runs one quick request a step if accepted. */
    @Property(tries = 60)
    void everyTaskIsAnsweredWithoutA5xx(@ForAll("plans") String plan) throws Exception {
        String bounded = plan;
        if (JSON.readTree(plan) instanceof ObjectNode object) {
            object.put("time_", "1s").put("max_requests", 1).put("host", "http://127.0.0.1:1/v1").put("input_lens", "1").put("output_lens", "1");
            bounded = object.toString();
        }
        FuzzAnswers.send(FuzzAnswers.request("/run-task/").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(bounded)), FuzzAnswers.Shape.FASTAPI, bounded);
    }

    @Property(tries = 150)
    void everyRunIdAndListParameterIsAnsweredWithoutA5xx(@ForAll("ids") String id, @ForAll("queries") String query) throws Exception {
        String run = "/api/load-tests/" + id;
        FuzzAnswers.send(FuzzAnswers.request(run), FuzzAnswers.Shape.OPENAI, "GET " + run);
        FuzzAnswers.send(FuzzAnswers.request(run + "/cancel").POST(HttpRequest.BodyPublishers.noBody()), FuzzAnswers.Shape.OPENAI, "cancel " + run);
        FuzzAnswers.send(FuzzAnswers.request(run + "/export?" + query), FuzzAnswers.Shape.OPENAI, "export " + run + " " + query);
        FuzzAnswers.send(FuzzAnswers.request("/api/load-tests?" + query), FuzzAnswers.Shape.OPENAI, "list " + query);
        FuzzAnswers.send(FuzzAnswers.request("/api/load-tests/compare?" + query), FuzzAnswers.Shape.OPENAI, "compare " + query);
    }

    @Provide
    Arbitrary<String> ids() {
        return FuzzArbitraries.pathId("lt_").map(FuzzAnswers::encoded);
    }

    @Provide
    Arbitrary<String> queries() {
        return Combinators.combine(Arbitraries.of("limit", "after", "format", "ids", "a", "b"), FuzzArbitraries.text())
                .as((n, v) -> n + "=" + FuzzAnswers.encoded(v)).list().ofMaxSize(3).map(parts -> String.join("&", parts));
    }

    @AfterContainer
    static void theServerStaysReadyAndItsStoreSound() throws Exception {
        FuzzAnswers.assertServerIntact();
    }
}
