package dev.llmworkbench.domain.loadtest;

import dev.llmworkbench.domain.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A load test as asked for, field by field, each null when not given: the FastAPI task runner's
 * fields, with its defaults, plus {@code load}, {@code slo}, {@code max_requests}, {@code ignore_eos},
 * {@code prompts}, {@code headers} and
 * {@code embedding_model}. The API key
 * is not here: see {@link LoadTestPlan}.
 */
public record PlanRequest(String model, String inputLens, String outputLens, Integer user, Double rate, String time,
                          String tags, String remark, String host, Boolean randomString, String loadType,
                          Integer maxRequests, Double sloTtftMs, Double sloItlMs, Double sloLatencyMs, Boolean ignoreEos,
                          List<RecordedPrompt> prompts, Map<String, String> headers,
                          String embeddingModel) {
    // The task runner's defaults, kept so that its callers get the same run.
    public static final String DEFAULT_MODEL = "codechat";
    public static final String DEFAULT_INPUT_LENS = "1,2";
    public static final String DEFAULT_OUTPUT_LENS = "1,2";
    public static final int DEFAULT_USER = 10;
    public static final double DEFAULT_RATE = 10;
    public static final String DEFAULT_TIME = "10s";
    public static final String DEFAULT_TAGS = "chat_completions";
    public static final boolean DEFAULT_RANDOM_STRING = false;
    public static final String DEFAULT_LOAD_TYPE = "concurrent";
    /** vLLM's {@code min_tokens} and {@code ignore_eos} are sent unless turned off: they make vLLM honour the output length. */
    public static final boolean DEFAULT_IGNORE_EOS = true;
    /** OpenAI's current small embedding model: a chat model such as {@code codechat} answers no embeddings. */
    public static final String DEFAULT_EMBEDDING_MODEL = "text-embedding-3-small";

    /** Nothing given: every field takes its default. */
    public static PlanRequest defaults() {
        return new PlanRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * @param emulator the built-in emulator's base URL, the target when {@code host} is not given
     * @throws InvalidRequestException naming the first bad field as the API spells it
     */
    public LoadTestPlan toPlan(URI emulator) {
        TokenLengths inputs = TokenLengths.parse(or(inputLens, DEFAULT_INPUT_LENS), "input_lens");
        TokenLengths outputs = TokenLengths.parse(or(outputLens, DEFAULT_OUTPUT_LENS), "output_lens");
        LoadShape load = LoadShape.of(or(loadType, DEFAULT_LOAD_TYPE), or(user, DEFAULT_USER), or(rate, DEFAULT_RATE));
        return new LoadTestPlan(host == null ? emulator : target(host), or(model, DEFAULT_MODEL), Step.pairs(inputs, outputs),
                ScenarioMix.parse(or(tags, DEFAULT_TAGS)), load, RunDuration.parse(or(time, DEFAULT_TIME)),
                maxRequests == null ? OptionalInt.empty() : OptionalInt.of(maxRequests),
                or(randomString, DEFAULT_RANDOM_STRING), Slo.ofMillis(sloTtftMs, sloItlMs, sloLatencyMs), remark,
                or(ignoreEos, DEFAULT_IGNORE_EOS), prompts == null ? List.of() : prompts, headers == null ? Map.of() : headers,
                or(embeddingModel, DEFAULT_EMBEDDING_MODEL));
    }

    private static URI target(String host) {
        try {
            return new URI(host.strip());
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("host", "host must be an http or https base URL such as"
                    + " \"http://localhost:8000/v1\".");
        }
    }

    private static <T> T or(T given, T fallback) {
        return given == null ? fallback : given;
    }
}
