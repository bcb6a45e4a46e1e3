package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.application.gateway.port.CompletionPage;
import dev.llmworkbench.application.gateway.port.UsageRow;
import dev.llmworkbench.domain.gateway.Completion;
import dev.llmworkbench.domain.gateway.Completion.UsageSource;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** The completion log's JSON: rows, pages and usage sums, as records JSON-B maps (public, so it may read them). */
public final class CompletionJson {
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

    /**
     * One row; {@code created} in Unix seconds as OpenAI's objects give it, durations in milliseconds, and
     * {@code usage_source} {@code upstream} or {@code tokenizer} when there are token counts.
     */
    @JsonbNillable
    public record Row(String id, String object, long created, String model, String route, JsonValue messages, String content,
               Integer promptTokens, Integer completionTokens, Integer totalTokens, Double ttftMs, double latencyMs,
               boolean stream, int status, String error, String completionId, String modelUsed, String endpoint, String usageSource) {
    }

    @JsonbNillable
    public record Page(String object, List<Row> data, boolean hasMore, String next) {
    }

    public record Usage(String day, String model, String route, long requests, long promptTokens, long completionTokens,
                 long totalTokens) {
    }

    public record UsageList(String object, List<Usage> data) {
    }

    private CompletionJson() {
    }

    static String write(Object object) {
        return JSONB.toJson(object);
    }

    static Row row(Completion c) {
        return new Row(c.id(), "gateway.completion", c.created().getEpochSecond(), c.model(), c.route(), json(c.messages()),
                c.content().orElse(null), boxed(c.tokens().prompt()), boxed(c.tokens().completion()), boxed(c.tokens().total()),
                c.ttft().map(CompletionJson::millis).orElse(null), millis(c.latency()), c.stream(), c.status(),
                c.error().orElse(null), c.completionId().orElse(null), c.modelUsed().orElse(null), c.endpoint(),
                c.tokens().source() == UsageSource.NONE ? null : c.tokens().source().name().toLowerCase(Locale.ROOT));
    }

    /** {@code next} is the cursor for the following page, the last row's id, when there is one. */
    static Page page(CompletionPage page) {
        List<Row> rows = page.rows().stream().map(CompletionJson::row).toList();
        return new Page("list", rows, page.hasMore(), page.hasMore() ? rows.getLast().id() : null);
    }

    static UsageList usage(List<UsageRow> rows) {
        return new UsageList("list", rows.stream().map(u -> new Usage(u.day().toString(), u.model(), u.route(), u.requests(),
                u.promptTokens(), u.completionTokens(), u.totalTokens())).toList());
    }

    private static Integer boxed(OptionalInt count) {
        return count.isPresent() ? count.getAsInt() : null;
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }

    /** The request's messages as they were sent; text that is not JSON (it always is) stays a string. */
    private static JsonValue json(String text) {
        try {
            return Json.createReader(new StringReader(text)).readValue();
        } catch (JsonException notJson) {
            return Json.createValue(text);
        }
    }
}
