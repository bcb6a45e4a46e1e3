package dev.llmworkbench.persistence.mongo;

import static com.mongodb.client.model.Updates.set;

import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.BatchEndpoint;
import dev.llmworkbench.domain.batch.BatchError;
import dev.llmworkbench.domain.batch.BatchEvent;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.batch.BatchTimes;
import dev.llmworkbench.domain.batch.BatchUsage;
import dev.llmworkbench.domain.batch.CompletionWindow;
import dev.llmworkbench.domain.batch.OutputExpiry;
import dev.llmworkbench.domain.batch.RequestCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A batch as one document of {@code batches}, mapped by hand: times as Unix seconds (as the API shows them, and as
 * the SQLite store keeps them), {@code <status>_at} for the time it entered each status, {@code counts} and
 * {@code usage} summed by the store, {@code errors} in order, {@code metadata} as key/value pairs (a key may hold a
 * dot or a dollar sign, which a field name may not), and {@code events}, its status log, a handful per batch.
 */
final class BatchDocuments {
    static final String EVENTS = "events";

    private BatchDocuments() {
    }

    /** A new batch with its first event; {@code seq} orders the batches of one second as they were added. */
    static Document newBatch(Batch batch, long seq) {
        Document document = new Document("_id", batch.id()).append("seq", seq)
                .append("endpoint", batch.endpoint().path()).append("input_file_id", batch.inputFileId())
                .append("completion_window", batch.window().wire())
                .append("output_expires_after", batch.outputExpiry().map(e -> e.after().toSeconds()).orElse(null))
                .append("created_at", batch.times().createdAt().getEpochSecond())
                .append("expires_at", batch.times().expiresAt().getEpochSecond())
                .append("counts", counts(batch.counts())).append("usage", usage(batch.usage()))
                .append("metadata", batch.metadata().entrySet().stream()
                        .map(e -> new Document("key", e.getKey()).append("value", e.getValue())).toList());
        document.putAll(movedFields(batch));
        document.put(EVENTS, List.of(event(1, batch, batch.counts())));
        return document;
    }

    /** What a move changes: status, model, files, the times entered, and the errors of a failed batch. */
    static List<Bson> moved(Batch next) {
        List<Bson> updates = new ArrayList<>();
        movedFields(next).forEach((field, value) -> updates.add(set(field, value)));
        return updates;
    }

    private static Document movedFields(Batch batch) {
        Document fields = new Document("status", batch.status().wire()).append("model", batch.model().orElse(null))
                .append("output_file_id", batch.outputFileId().orElse(null))
                .append("error_file_id", batch.errorFileId().orElse(null));
        for (BatchStatus status : BatchStatus.values()) {
            if (status != BatchStatus.VALIDATING) {
                fields.append(timeField(status), batch.times().at(status).map(Instant::getEpochSecond).orElse(null));
            }
        }
        if (!batch.errors().isEmpty()) {
            fields.append("errors", batch.errors().stream().map(BatchDocuments::errorDocument).toList());
        }
        return fields;
    }

    /** {@code in_progress_at}, {@code finalizing_at}, ...: the Batch object's own names. */
    static String timeField(BatchStatus status) {
        return status.wire() + "_at";
    }

    /** An entry of the status log: the status the batch entered, when, and its counts then. */
    static Document event(int seq, Batch batch, RequestCounts counts) {
        Instant at = batch.times().at(batch.status()).orElse(batch.times().createdAt());
        return new Document("seq", seq).append("at", Date.from(at)).append("status", batch.status().wire())
                .append("total", counts.total()).append("completed", counts.completed()).append("failed", counts.failed());
    }

    static Document counts(RequestCounts counts) {
        return new Document("total", counts.total()).append("completed", counts.completed()).append("failed", counts.failed());
    }

    static Document usage(BatchUsage usage) {
        return new Document("input", usage.inputTokens()).append("cached", usage.cachedTokens())
                .append("output", usage.outputTokens()).append("reasoning", usage.reasoningTokens());
    }

    static RequestCounts counts(Document counts) {
        return new RequestCounts(number(counts, "total").intValue(), number(counts, "completed").intValue(),
                number(counts, "failed").intValue());
    }

    static BatchUsage usage(Document usage) {
        return new BatchUsage(number(usage, "input").longValue(), number(usage, "cached").longValue(),
                number(usage, "output").longValue(), number(usage, "reasoning").longValue());
    }

    static Batch batch(Document d) {
        Map<BatchStatus, Instant> entered = new EnumMap<>(BatchStatus.class);
        for (BatchStatus status : BatchStatus.values()) {
            Number seconds = status == BatchStatus.VALIDATING ? null : d.get(timeField(status), Number.class);
            if (seconds != null) {
                entered.put(status, Instant.ofEpochSecond(seconds.longValue()));
            }
        }
        Number expirySeconds = d.get("output_expires_after", Number.class);
        Map<String, String> metadata = d.getList("metadata", Document.class).stream()
                .collect(Collectors.toMap(m -> m.getString("key"), m -> m.getString("value")));
        return new Batch(d.getString("_id"), BatchEndpoint.fromPath(d.getString("endpoint")).orElseThrow(),
                d.getString("input_file_id"), CompletionWindow.parse(d.getString("completion_window")),
                BatchStatus.fromWire(d.getString("status")).orElseThrow(),
                new BatchTimes(Instant.ofEpochSecond(number(d, "created_at").longValue()),
                        Instant.ofEpochSecond(number(d, "expires_at").longValue()), entered),
                Optional.ofNullable(d.getString("model")), counts(d.get("counts", Document.class)),
                usage(d.get("usage", Document.class)),
                d.getList("errors", Document.class, List.of()).stream().map(BatchDocuments::batchError).toList(),
                Optional.ofNullable(d.getString("output_file_id")), Optional.ofNullable(d.getString("error_file_id")),
                metadata, Optional.ofNullable(expirySeconds).map(s -> new OutputExpiry(Duration.ofSeconds(s.longValue()))));
    }

    static BatchEvent event(Document e) {
        return new BatchEvent(number(e, "seq").intValue(), e.getDate("at").toInstant(),
                BatchStatus.fromWire(e.getString("status")).orElseThrow(), new RequestCounts(number(e, "total").intValue(),
                number(e, "completed").intValue(), number(e, "failed").intValue()));
    }

    /** Any stored number: an $inc or a $sum may widen an int to a long. */
    static Number number(Document document, String field) {
        return document.get(field, Number.class);
    }

    private static Document errorDocument(BatchError error) {
        return new Document("code", error.code()).append("message", error.message())
                .append("param", error.param().orElse(null))
                .append("line", error.line().isPresent() ? error.line().getAsInt() : null);
    }

    private static BatchError batchError(Document d) {
        Number line = d.get("line", Number.class);
        return new BatchError(d.getString("code"), d.getString("message"), Optional.ofNullable(d.getString("param")),
                line == null ? OptionalInt.empty() : OptionalInt.of(line.intValue()));
    }
}
