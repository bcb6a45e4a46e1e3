package dev.llmworkbench.persistence.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Sorts;
import dev.llmworkbench.application.collate.port.CollatedRequests;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.batch.RequestCounts;
import dev.llmworkbench.domain.collate.CollateFailure;
import dev.llmworkbench.domain.collate.CollateMode;
import dev.llmworkbench.domain.collate.CollateState;
import dev.llmworkbench.domain.collate.CollateStatusEntry;
import dev.llmworkbench.domain.collate.CollatedRequest;
import dev.llmworkbench.domain.collate.CollatedAnswer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Collated requests (collection {@code collated_requests}, one document per request, {@code _id} its id) and the batch
 * status log ({@code collate_batch_status}, one document per row), as batch-gpt keeps its log in MongoDB. Instants are
 * stored as epoch nanoseconds, so they round-trip exactly and sort as numbers.
 */
public final class MongoCollatedRequests implements CollatedRequests {
    private final MongoCollection<Document> requests;
    private final MongoCollection<Document> log;
    // Orders rows of the same instant; seeded past the newest row so a restart keeps the order.
    private final AtomicLong seq;

    public MongoCollatedRequests(MongoStore store) {
        this.requests = store.database().getCollection("collated_requests");
        this.log = store.database().getCollection("collate_batch_status");
        requests.createIndex(Indexes.compoundIndex(Indexes.ascending("request_hash"), Indexes.descending("finished_at")));
        requests.createIndex(Indexes.ascending("state", "created_at"));
        log.createIndex(Indexes.ascending("batch_id", "seq"));
        Document newest = log.find().sort(Sorts.descending("seq")).limit(1).first();
        this.seq = new AtomicLong(newest == null ? 0 : newest.getLong("seq"));
    }

    @Override
    public void addAll(List<CollatedRequest> batch) {
        if (!batch.isEmpty()) {
            requests.insertMany(batch.stream().map(MongoCollatedRequests::document).toList());
        }
    }

    @Override
    public void updateAll(List<CollatedRequest> batch) {
        if (!batch.isEmpty()) {
            requests.bulkWrite(batch.stream()
                    .map(request -> new ReplaceOneModel<>(Filters.eq("_id", request.id()), document(request))).toList());
        }
    }

    @Override
    public Optional<CollatedRequest> find(String id) {
        return Optional.ofNullable(requests.find(Filters.eq("_id", id)).first()).map(MongoCollatedRequests::request);
    }

    @Override
    public Optional<CollatedRequest> answered(String requestHash) {
        Bson succeeded = Filters.and(Filters.eq("request_hash", requestHash), Filters.eq("state", CollateState.ANSWERED.wire()),
                Filters.gte("answer_status", 200), Filters.lt("answer_status", 300));
        return Optional.ofNullable(requests.find(succeeded).sort(Sorts.descending("finished_at")).limit(1).first())
                .map(MongoCollatedRequests::request);
    }

    @Override
    public List<CollatedRequest> submitted() {
        return requests.find(Filters.eq("state", CollateState.SUBMITTED.wire())).sort(Sorts.ascending("created_at", "_id"))
                .map(MongoCollatedRequests::request).into(new ArrayList<>());
    }

    @Override
    public void appendStatus(CollateStatusEntry entry) {
        log.insertOne(new Document("seq", seq.incrementAndGet()).append("batch_id", entry.batchId()).append("route", entry.route())
                .append("at", nanos(entry.at())).append("status", entry.status().wire())
                .append("total", entry.counts().total()).append("completed", entry.counts().completed())
                .append("failed", entry.counts().failed()));
    }

    @Override
    public List<CollateStatusEntry> batches(int limit) {
        return log.aggregate(List.of(Aggregates.sort(Sorts.ascending("seq")),
                        Aggregates.group("$batch_id", Accumulators.first("row", "$$ROOT")),
                        Aggregates.sort(Sorts.descending("row.seq")), Aggregates.limit(limit)))
                .map(group -> entry(group.get("row", Document.class))).into(new ArrayList<>());
    }

    @Override
    public List<CollateStatusEntry> statusLog(String batchId) {
        return log.find(Filters.eq("batch_id", batchId)).sort(Sorts.ascending("seq")).map(MongoCollatedRequests::entry)
                .into(new ArrayList<>());
    }

    private static CollateStatusEntry entry(Document row) {
        return new CollateStatusEntry(row.getString("batch_id"), row.getString("route"), instant(row.getLong("at")),
                BatchStatus.fromWire(row.getString("status")).orElseThrow(),
                new RequestCounts(row.getInteger("total"), row.getInteger("completed"), row.getInteger("failed")));
    }

    private static Document document(CollatedRequest request) {
        Document document = new Document("_id", request.id()).append("route", request.route()).append("model", request.model())
                .append("request_hash", request.requestHash()).append("body", request.body()).append("mode", request.mode().wire())
                .append("custom_id", request.customId()).append("state", request.state().wire())
                .append("batch_id", request.batchId().orElse(null)).append("created_at", nanos(request.createdAt()))
                .append("finished_at", request.finishedAt().map(MongoCollatedRequests::nanos).orElse(null));
        request.answer().ifPresent(answer -> document.append("answer_status", answer.status()).append("answer_body", answer.body()));
        request.failure().ifPresent(failure -> document.append("failure", new Document("status", failure.status())
                .append("type", failure.type()).append("code", failure.code()).append("message", failure.message())));
        return document;
    }

    private static CollatedRequest request(Document document) {
        Optional<CollatedAnswer> answer = Optional.ofNullable(document.getInteger("answer_status"))
                .map(status -> new CollatedAnswer(status, document.getString("answer_body")));
        Optional<CollateFailure> failure = Optional.ofNullable(document.get("failure", Document.class))
                .map(f -> new CollateFailure(f.getInteger("status"), f.getString("type"), f.getString("code"), f.getString("message")));
        return new CollatedRequest(document.getString("_id"), document.getString("route"), document.getString("model"),
                document.getString("request_hash"), document.getString("body"),
                CollateMode.fromWire(document.getString("mode")).orElseThrow(), document.getString("custom_id"),
                CollateState.fromWire(document.getString("state")).orElseThrow(), Optional.ofNullable(document.getString("batch_id")),
                answer, failure, instant(document.getLong("created_at")),
                Optional.ofNullable(document.getLong("finished_at")).map(MongoCollatedRequests::instant));
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
