package dev.llmworkbench.domain.loadtest;

import dev.llmworkbench.domain.InvalidRequestException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a load test does, as stored with its run. The API key is deliberately not part of it: it is
 * handed to the generator beside the plan, so a stored or echoed plan can never leak it.
 *
 * @param target        the OpenAI-compatible base URL, such as {@code http://localhost:9080/v1}
 * @param steps         run in order, each for {@code duration} or until {@code maxRequests} were sent in it, whichever is first
 * @param randomPrompts the task runner's {@code RANDOM_STRING}: a new prompt for every request, defeating prefix caches
 * @param ignoreEos     whether requests also ask for the output length in vLLM's way ({@code min_tokens} and
 *                      {@code ignore_eos}), which some servers refuse
 * @param prompts       the plan's prompt file, used in turn instead of synthetic prompts; empty for synthetic ones
 * @param headers       extra request headers sent with every request, such as the emulator's {@code X-TTFT-MS}
 * @param embeddingModel the model the {@code embeddings} scenario asks, since a chat model has no embeddings
 */
public record LoadTestPlan(URI target, String model, List<Step> steps, ScenarioMix scenarios, LoadShape load,
                           RunDuration duration, OptionalInt maxRequests, boolean randomPrompts, Slo slo, String remark,
                           boolean ignoreEos, List<RecordedPrompt> prompts, Map<String, String> headers,
                           String embeddingModel) {
    public static final int MAX_STEPS = 1_000;
    public static final int MAX_REMARK_CHARS = 10_000;
    public static final int MAX_PROMPTS = 100_000;

    public LoadTestPlan {
        requireTarget(target);
        requireModel(model, "model");
        requireModel(embeddingModel, "embedding_model");
        steps = List.copyOf(steps);
        if (steps.isEmpty() || steps.size() > MAX_STEPS) {
            throw new InvalidRequestException("input_lens", "input_lens times output_lens must give 1 to " + MAX_STEPS
                    + " steps, got " + steps.size() + ".");
        }
        Objects.requireNonNull(scenarios, "scenarios");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(maxRequests, "maxRequests");
        if (maxRequests.isPresent() && maxRequests.getAsInt() < 1) {
            throw new InvalidRequestException("max_requests", "max_requests must be a whole number of at least 1, got "
                    + maxRequests.getAsInt() + ".");
        }
        Objects.requireNonNull(slo, "slo");
        remark = remark == null ? "" : remark;
        if (remark.length() > MAX_REMARK_CHARS) {
            throw new InvalidRequestException("remark", "remark must be at most " + MAX_REMARK_CHARS + " characters.");
        }
        prompts = List.copyOf(prompts);
        if (prompts.size() > MAX_PROMPTS) {
            throw new InvalidRequestException("prompts", "prompts must have at most " + MAX_PROMPTS + " lines, got "
                    + prompts.size() + ".");
        }
        headers = RequestHeaders.check(headers);
    }

    private static void requireModel(String id, String field) {
        if (id == null || id.isBlank() || id.length() > 256) {
            throw new InvalidRequestException(field, field + " must be a model id of 1 to 256 characters.");
        }
    }

    private static void requireTarget(URI target) {
        if (target == null || !target.isAbsolute() || target.getHost() == null || target.getRawQuery() != null
                || target.getRawFragment() != null || target.getRawUserInfo() != null
                || !("http".equalsIgnoreCase(target.getScheme()) || "https".equalsIgnoreCase(target.getScheme()))) {
            throw new InvalidRequestException("host", "host must be an http or https base URL such as"
                    + " \"http://localhost:8000/v1\", without query, fragment or credentials.");
        }
    }
}
