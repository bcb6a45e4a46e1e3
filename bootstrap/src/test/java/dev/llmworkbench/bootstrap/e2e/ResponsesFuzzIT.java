package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Valid {@code POST /v1/responses} bodies with one value replaced by junk, one field dropped or one
 * added, anywhere in the tree: every answer is a 200 or OpenAI's error shape with a 4xx, never a 5xx.
 * Bounded in count and time; the seed is printed so a failure can be replayed ({@code -Dfuzz.seed}).
 */
class ResponsesFuzzIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = 400;
    private static final long RUN_BOUND_NANOS = 60_000_000_000L;
    private static final String[] TEMPLATES = {
            "{\"model\":\"gpt-4o\",\"input\":\"Hello\",\"instructions\":\"Be brief.\",\"max_output_tokens\":16,\"metadata\":{\"k\":\"v\"}}",
            "{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"What is this?\"},"
                    + "{\"type\":\"input_image\",\"image_url\":\"https://x.test/a.png\",\"detail\":\"low\"}]},"
                    + "{\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"f\",\"arguments\":\"{}\"},"
                    + "{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":\"42\"}],"
                    + "\"tools\":[{\"type\":\"function\",\"name\":\"f\",\"parameters\":{\"type\":\"object\",\"properties\":"
                    + "{\"city\":{\"type\":\"string\",\"enum\":[\"Paris\",\"Rome\"]},\"days\":{\"type\":\"integer\"}},\"required\":[\"city\"]}}],"
                    + "\"tool_choice\":\"required\",\"stream\":true}",
            "{\"model\":\"gpt-4o-mini\",\"input\":\"Answer in json\",\"text\":{\"format\":{\"type\":\"json_schema\",\"name\":\"a\",\"strict\":true,"
                    + "\"schema\":{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"],\"additionalProperties\":false}}},"
                    + "\"reasoning\":{\"effort\":\"low\"},\"temperature\":0.5,\"top_p\":1,\"store\":false}"};
    private static final String[] JUNK = {"null", "0", "-1", "16", "2147483648", "1e400", "1.5", "true", "\"\"", "\"x\"",
            "\"\\u0000\"", "\"gpt-4o\"", "\"user\"", "\"message\"", "\"function_call\"", "\"json_schema\"", "[]", "{}", "[null]",
            "[{}]", "{\"type\":\"input_text\"}", "\"resp_unknown\""};

    @Test
    void everyMutatedRequestGetsA200OrOpenAisErrorShapeNeverA5xx() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("ResponsesFuzzIT seed=" + seed);
        SplittableRandom random = new SplittableRandom(seed);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + RUN_BOUND_NANOS;
        for (int i = 0; i < REQUESTS && System.nanoTime() < deadline && failures.size() < 10; i++) {
            String body = mutate(JSON.readTree(TEMPLATES[random.nextInt(TEMPLATES.length)]), random).toString();
            HttpResponse<String> response = Server.postJson("/v1/responses", body, "X-TTFT-MS", "0", "X-ITL-MS", "0", "X-OUTPUT-LENGTH", "8");
            statuses.merge(response.statusCode(), 1, Integer::sum);
            int status = response.statusCode();
            if (status != 200 && (status < 400 || status >= 500 || !isOpenAiError(response))) {
                failures.add(body + " -> " + status + " " + response.body());
            }
        }
        System.out.println("ResponsesFuzzIT answers by status: " + statuses);
        assertTrue(failures.isEmpty(), "seed " + seed + ":\n" + String.join("\n", failures));
        assertTrue(statuses.getOrDefault(200, 0) > 0 && statuses.keySet().stream().anyMatch(s -> s >= 400),
                "the mutations must both pass and fail validation: " + statuses);
    }

    /** One change at a random object or array of the tree: a value replaced, a field dropped, or an unknown field added. */
    private static JsonNode mutate(JsonNode root, SplittableRandom random) throws Exception {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        JsonNode junk = JSON.readTree(JUNK[random.nextInt(JUNK.length)]);
        if (target instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(3)) {
                case 0 -> object.set(name, junk);
                case 1 -> object.remove(name);
                default -> object.set("unknown_" + name, junk);
            }
        } else if (target instanceof ArrayNode array && !array.isEmpty()) {
            array.set(random.nextInt(array.size()), junk);
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private static boolean isOpenAiError(HttpResponse<String> response) throws Exception {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            return false;
        }
        JsonNode error = JSON.readTree(response.body()).get("error");
        return error != null && error.get("message").isTextual() && error.get("type").isTextual()
                && (error.get("param").isNull() || error.get("param").isTextual()) && (error.get("code").isNull() || error.get("code").isTextual());
    }
}
