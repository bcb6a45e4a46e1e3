package dev.llmworkbench.rest.loadtest;

import dev.llmworkbench.application.loadtest.LoadTestCommand;
import dev.llmworkbench.application.outbound.OutboundCheck;
import dev.llmworkbench.domain.loadtest.LoadTestPlan;
import dev.llmworkbench.domain.loadtest.PlanRequest;
import dev.llmworkbench.domain.loadtest.RecordedPrompt;
import dev.llmworkbench.rest.JsonBody;
import dev.llmworkbench.rest.JsonFields;
import dev.llmworkbench.rest.JsonKind;
import dev.llmworkbench.rest.RequestArguments;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code POST /run-task/} and {@code POST /api/load-tests}: the task runner's fields plus {@code load},
 * {@code slo}, {@code max_requests}, {@code ignore_eos}, {@code prompts}, {@code headers} and {@code embedding_model}. Read strictly, since
 * a typo such as {@code max_request} silently ignored would run a different test than the one asked for: an unknown
 * field or a wrong type is a 400 naming it; {@code null} reads as absent, so the field takes its default.
 */
final class LoadTestRequestReader {
    private static final RequestArguments ARGUMENTS = RequestArguments.builder()
            .add(JsonKind.STRING, "model", "input_lens", "output_lens", "time_", "tags", "remark", "host", "API_KEY", "prompts",
                    "embedding_model")
            .add(JsonKind.INTEGER, "input_lens", "output_lens", "user", "max_requests")
            .add(JsonKind.ARRAY, "input_lens", "output_lens", "prompts")
            .add(JsonKind.NUMBER, "rate")
            .add(JsonKind.BOOLEAN, "RANDOM_STRING", "ignore_eos")
            .add(JsonKind.OBJECT, "load", "slo", "headers")
            .build();

    /** What a body asks for; the API key travels apart from the plan so that it is never stored. */
    record LoadTestRequest(PlanRequest plan, Optional<String> apiKey) {
        @Override
        public String toString() {
            return "LoadTestRequest[" + plan + "]";
        }
    }

    private LoadTestRequestReader() {
    }

    /**
     * The command a body asks for.
     *
     * @param fallback the target when the body names no {@code host}; when it is the built-in emulator,
     *                 {@code ignore_eos} defaults to false, since the emulator refuses vLLM's fields as OpenAI does
     *                 (so does a host that is OpenAI's or Azure OpenAI's)
     */
    static LoadTestCommand command(byte[] body, LoadTestTargets.DefaultTarget fallback, OutboundCheck outbound) {
        LoadTestRequest request = read(JsonBody.parse(body), fallback.builtInEmulator());
        LoadTestPlan plan = request.plan().toPlan(fallback.uri());
        if (request.plan().host() != null) {
            outbound.callerTarget(plan.target(), "host");
        }
        return new LoadTestCommand(plan, PlanDocument.json(request.plan(), plan), request.apiKey());
    }

    static LoadTestRequest read(JsonObject json, boolean builtInEmulatorByDefault) {
        JsonFields body = ARGUMENTS.check(JsonFields.of(json));
        boolean refusesVllmFields = builtInEmulatorByDefault && !body.has("host")
                || body.optString("host").filter(LoadTestRequestReader::isOpenAi).isPresent();
        Optional<JsonFields> slo = body.optObject("slo").map(s -> s.only(Set.of("ttft_ms", "itl_ms", "latency_ms")));
        PlanRequest plan = new PlanRequest(body.optString("model").orElse(null), lengths(body, "input_lens"),
                lengths(body, "output_lens"), body.optInt("user").stream().boxed().findFirst().orElse(null),
                number(body, "rate"), body.optString("time_").orElse(null), body.optString("tags").orElse(null),
                body.optString("remark").orElse(null), body.optString("host").orElse(null),
                body.optBoolean("RANDOM_STRING").orElse(null), loadType(body),
                body.optInt("max_requests").stream().boxed().findFirst().orElse(null),
                slo.map(s -> number(s, "ttft_ms")).orElse(null), slo.map(s -> number(s, "itl_ms")).orElse(null),
                slo.map(s -> number(s, "latency_ms")).orElse(null), body.optBoolean("ignore_eos").orElse(refusesVllmFields ? Boolean.FALSE : null),
                prompts(body), headers(body), body.optString("embedding_model").orElse(null));
        return new LoadTestRequest(plan, body.optString("API_KEY"));
    }

    /** OpenAI's API and Azure OpenAI refuse vLLM's {@code min_tokens} and {@code ignore_eos} with a 400. */
    private static boolean isOpenAi(String host) {
        try {
            String name = new URI(host.strip()).getHost();
            return name != null && (name.equalsIgnoreCase("api.openai.com") || name.toLowerCase(Locale.ROOT).endsWith(".openai.azure.com"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The task runner's comma-separated string, or the lengths as a JSON number or array of numbers. */
    private static String lengths(JsonFields body, String name) {
        JsonValue value = body.get(name);
        return switch (value) {
            case null -> null;
            case JsonString text -> text.getString();
            case JsonNumber number -> number.toString();
            case JsonArray array -> {
                List<String> items = new ArrayList<>(array.size());
                for (int i = 0; i < array.size(); i++) {
                    if (!(array.get(i) instanceof JsonNumber number) || !number.isIntegral()) {
                        throw JsonFields.wrongType(name + "[" + i + "]", "an integer", array.get(i));
                    }
                    items.add(number.toString());
                }
                yield String.join(",", items);
            }
            default -> throw JsonFields.wrongType(name, "a string, an integer or an array of integers", value);
        };
    }

    private static Double number(JsonFields fields, String name) {
        JsonValue value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            throw JsonFields.wrongType(fields.path(name), "a number", value);
        }
        return number.doubleValue();
    }

    private static String loadType(JsonFields body) {
        return body.optObject("load").map(load -> load.only(Set.of("type")).optString("type").orElse(null)).orElse(null);
    }

    private static List<RecordedPrompt> prompts(JsonFields body) {
        JsonValue value = body.get("prompts");
        return switch (value) {
            case null -> null;
            case JsonString jsonl -> PromptFileReader.jsonl(jsonl.getString());
            case JsonArray array -> PromptFileReader.array(array);
            default -> throw JsonFields.wrongType("prompts", "a string or an array", value);
        };
    }

    private static Map<String, String> headers(JsonFields body) {
        return body.optObject("headers").map(headers -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> header : headers.raw().entrySet()) {
                if (!(header.getValue() instanceof JsonString text)) {
                    throw JsonFields.wrongType(headers.path(header.getKey()), "a string", header.getValue());
                }
                values.put(header.getKey(), text.getString());
            }
            return values;
        }).orElse(null);
    }
}
