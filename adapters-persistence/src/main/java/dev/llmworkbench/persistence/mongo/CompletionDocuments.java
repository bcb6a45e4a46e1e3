package dev.llmworkbench.persistence.mongo;

import dev.llmworkbench.domain.gateway.Completion.TokenCounts;
import dev.llmworkbench.domain.gateway.Completion.UsageSource;
import dev.llmworkbench.domain.gateway.Completion;
import dev.llmworkbench.persistence.SortableInstants;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.bson.Document;

/** A completion row as a BSON document and back; absent values are absent fields, so sums skip them. */
final class CompletionDocuments {
    private CompletionDocuments() {
    }

    static Document document(Completion row) {
        String createdAt = SortableInstants.format(row.created());
        Document document = new Document("_id", row.id())
                .append("message", row.messages())
                .append("created_timestamp", row.created().getEpochSecond())
                .append("model", row.model())
                .append("route", row.route())
                .append("endpoint", row.endpoint())
                .append("created_at", createdAt)
                // the UTC day usage() groups on: the first ten characters of the sortable form
                .append("day", createdAt.substring(0, 10))
                .append("latency_ns", row.latency().toNanos())
                .append("stream", row.stream())
                .append("status", row.status());
        row.completionId().ifPresent(value -> document.append("completion_id", value));
        row.modelUsed().ifPresent(value -> document.append("model_used", value));
        row.content().ifPresent(value -> document.append("content", value));
        row.tokens().prompt().ifPresent(value -> document.append("prompt_tokens", value));
        row.tokens().completion().ifPresent(value -> document.append("completion_tokens", value));
        row.tokens().total().ifPresent(value -> document.append("total_tokens", value));
        if (row.tokens().source() != UsageSource.NONE) {
            document.append("usage_source", row.tokens().source().name().toLowerCase(Locale.ROOT));
        }
        row.ttft().ifPresent(value -> document.append("ttft_ns", value.toNanos()));
        row.error().ifPresent(value -> document.append("error", value));
        return document;
    }

    static Completion completion(Document document) {
        String source = document.getString("usage_source");
        TokenCounts tokens = new TokenCounts(count(document, "prompt_tokens"), count(document, "completion_tokens"),
                count(document, "total_tokens"),
                source == null ? UsageSource.NONE : UsageSource.valueOf(source.toUpperCase(Locale.ROOT)));
        return new Completion(document.getString("_id"), text(document, "completion_id"),
                SortableInstants.parse(document.getString("created_at")), document.getString("model"),
                text(document, "model_used"), document.getString("route"), document.getString("endpoint"),
                document.getString("message"), text(document, "content"), tokens,
                Optional.ofNullable(document.get("ttft_ns", Number.class)).map(nanos -> Duration.ofNanos(nanos.longValue())),
                Duration.ofNanos(document.get("latency_ns", Number.class).longValue()), document.getBoolean("stream"),
                document.get("status", Number.class).intValue(), text(document, "error"));
    }

    private static Optional<String> text(Document document, String field) {
        return Optional.ofNullable(document.getString(field));
    }

    private static OptionalInt count(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? OptionalInt.empty() : OptionalInt.of(value.intValue());
    }
}
