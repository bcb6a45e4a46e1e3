package dev.llmworkbench.persistence.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import dev.llmworkbench.application.batch.port.AnsweredLine;
import dev.llmworkbench.application.batch.port.BatchPage;
import dev.llmworkbench.application.batch.port.Batches;
import dev.llmworkbench.application.batch.port.PendingLine;
import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.BatchEvent;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.batch.RequestCounts;
import dev.llmworkbench.persistence.mongo.BatchLines.Tally;
import dev.llmworkbench.persistence.mongo.MongoUnitOfWork.Operations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Batches in MongoDB: one document per batch in {@code batches}, holding its counts, usage, errors, metadata and its
 * status log ({@link BatchDocuments}), and its lines in {@code batch_lines} ({@link BatchLines}). A move is one
 * update filtered by the status it moves from, which also appends the event; when the batch stops taking answers
 * its counts are summed from the lines in the same compare-and-set, so every ended batch has exact counts.
 *
 * <p>On a replica set, {@code start} and {@code answer} are transactions. Elsewhere their writes are ordered so that
 * a crash between two cannot make anything wrong: {@code start} writes the lines first (again without doubles, when
 * a crashed start is run again) and then moves the batch, and lines of a batch that never started are not read;
 * {@code answer} moves the lines first and then adds them to the batch's counts, and what a crash kept from the
 * counts is summed again from the lines when the store opens and when the batch stops taking answers.
 */
public final class MongoBatches implements Batches {
    private static final List<String> UNFINISHED = List.of(BatchStatus.VALIDATING.wire(), BatchStatus.IN_PROGRESS.wire(),
            BatchStatus.FINALIZING.wire(), BatchStatus.CANCELLING.wire());
    // Lines are answered only while a batch runs or is being cancelled; a late answer is not added to a batch moved on.
    private static final List<String> ANSWERING_STATUSES = List.of(BatchStatus.IN_PROGRESS.wire(), BatchStatus.CANCELLING.wire());
    private static final Bson ANSWERING = in("status", ANSWERING_STATUSES);
    private static final String STARTED = BatchDocuments.timeField(BatchStatus.IN_PROGRESS);

    private final MongoCollection<Document> batches;
    private final MongoCollection<Document> counters;
    private final BatchLines lines;
    private final MongoUnitOfWork unit;

    public MongoBatches(MongoStore store) {
        this.batches = store.database().getCollection("batches");
        this.counters = store.database().getCollection("counters");
        this.lines = new BatchLines(store.database().getCollection("batch_lines"));
        this.unit = new MongoUnitOfWork(store);
        // list() newest first, and unfinished() oldest first
        batches.createIndex(Indexes.descending("created_at", "seq"));
        batches.createIndex(Indexes.ascending("status", "created_at", "seq"));
        recountAfterACrash();
    }

    @Override
    public void add(Batch batch) {
        Document counter = counters.findOneAndUpdate(eq("_id", "batches"), inc("seq", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        batches.insertOne(BatchDocuments.newBatch(batch, BatchDocuments.number(counter, "seq").longValue()));
    }

    @Override
    public boolean move(BatchStatus from, Batch next) {
        return unit.run(ops -> moved(ops, from, next, Optional.empty()));
    }

    @Override
    public boolean start(Batch next, List<PendingLine> pending) {
        return unit.run(ops -> {
            lines.addPending(ops, next.id(), pending);
            if (moved(ops, BatchStatus.VALIDATING, next, Optional.of(next.counts().total()))) {
                return true;
            }
            // Lost to a cancel or an expiry, the batch never runs: its lines go. A batch already started keeps them.
            if (!started(ops, next.id())) {
                lines.deleteAll(ops, next.id());
            }
            return false;
        });
    }

    /**
     * Compare-and-set on the status and the counts read: a cancel and the runner cannot both win, and an answer
     * added meanwhile makes it read again. A move to a status that takes no more answers sums the counts from the
     * lines, as no answer is added to them after it; a batch still answering keeps the counts its answers add.
     */
    private boolean moved(Operations ops, BatchStatus from, Batch next, Optional<Integer> total) {
        while (true) {
            Document current = ops.find(batches, eq("_id", next.id()))
                    .projection(Projections.include("status", "counts", "usage", STARTED, BatchDocuments.EVENTS)).first();
            if (current == null || !from.wire().equals(current.getString("status"))) {
                return false;
            }
            RequestCounts stored = BatchDocuments.counts(current.get("counts", Document.class));
            Tally tally = current.get(STARTED) != null && !ANSWERING_STATUSES.contains(next.status().wire())
                    ? lines.tally(ops, next.id())
                    : new Tally(stored.completed(), stored.failed(), BatchDocuments.usage(current.get("usage", Document.class)));
            RequestCounts counts = new RequestCounts(total.orElse(stored.total()), tally.completed(), tally.failed());
            int seq = current.getList(BatchDocuments.EVENTS, Document.class).size() + 1;
            List<Bson> updates = new ArrayList<>(BatchDocuments.moved(next));
            updates.add(set("counts", BatchDocuments.counts(counts)));
            updates.add(set("usage", BatchDocuments.usage(tally.usage())));
            updates.add(push(BatchDocuments.EVENTS, BatchDocuments.event(seq, next, counts)));
            if (ops.updateOne(batches, and(eq("_id", next.id()), eq("status", from.wire()), sameCounts(stored)),
                    combine(updates)).getMatchedCount() == 1) {
                return true;
            }
        }
    }

    @Override
    public Optional<Batch> find(String id) {
        return Optional.ofNullable(batches.find(eq("_id", id)).projection(Projections.exclude(BatchDocuments.EVENTS)).first())
                .map(BatchDocuments::batch);
    }

    @Override
    public BatchPage list(int limit, Optional<String> after) {
        Bson page = new Document();
        if (after.isPresent()) {
            Document cursor = batches.find(eq("_id", after.get())).projection(Projections.include("created_at", "seq")).first();
            // A cursor naming no batch makes the page empty, as the SQLite store answers it.
            if (cursor == null) {
                return new BatchPage(List.of(), false);
            }
            Object createdAt = cursor.get("created_at");
            page = or(lt("created_at", createdAt), and(eq("created_at", createdAt), lt("seq", cursor.get("seq"))));
        }
        List<Batch> found = batches.find(page).projection(Projections.exclude(BatchDocuments.EVENTS))
                .sort(Sorts.descending("created_at", "seq")).limit(limit + 1).map(BatchDocuments::batch).into(new ArrayList<>());
        boolean hasMore = found.size() > limit;
        return new BatchPage(hasMore ? found.subList(0, limit) : found, hasMore);
    }

    @Override
    public List<Batch> unfinished() {
        return batches.find(in("status", UNFINISHED)).projection(Projections.exclude(BatchDocuments.EVENTS))
                .sort(Sorts.ascending("created_at", "seq")).map(BatchDocuments::batch).into(new ArrayList<>());
    }

    /** Only the lines of a started batch: a start that lost to a cancel may have left its lines behind. */
    @Override
    public List<PendingLine> pending(String batchId) {
        return started(Operations.ALONE, batchId) ? lines.pending(batchId) : List.of();
    }

    private boolean started(Operations ops, String batchId) {
        return ops.find(batches, and(eq("_id", batchId), ne(STARTED, null))).projection(Projections.include("_id")).first() != null;
    }

    @Override
    public int answer(String batchId, List<AnsweredLine> answers) {
        if (answers.isEmpty()) {
            return 0;
        }
        return unit.run(ops -> {
            Tally recorded = lines.record(ops, batchId, answers);
            if (recorded.completed() + recorded.failed() > 0) {
                ops.updateOne(batches, and(eq("_id", batchId), ANSWERING), recorded.increments());
            }
            return recorded.completed() + recorded.failed();
        });
    }

    @Override
    public void forEachAnswer(String batchId, boolean succeeded, Consumer<String> fileLine) {
        lines.forEachAnswer(batchId, succeeded, fileLine);
    }

    @Override
    public List<BatchEvent> events(String batchId) {
        Document batch = batches.find(eq("_id", batchId)).projection(Projections.include(BatchDocuments.EVENTS)).first();
        return batch == null ? List.of()
                : batch.getList(BatchDocuments.EVENTS, Document.class).stream().map(BatchDocuments::event).toList();
    }

    /**
     * A crash between an answer's two writes leaves its lines answered but not counted; before this process runs any
     * line, the counts of every running batch are summed again from its lines.
     */
    private void recountAfterACrash() {
        batches.find(ANSWERING).projection(Projections.include("counts")).forEach(batch -> {
            RequestCounts stored = BatchDocuments.counts(batch.get("counts", Document.class));
            unit.run(ops -> {
                Tally tally = lines.tally(ops, batch.getString("_id"));
                return ops.updateOne(batches, and(eq("_id", batch.getString("_id")), sameCounts(stored)), combine(
                        set("counts", BatchDocuments.counts(new RequestCounts(stored.total(), tally.completed(), tally.failed()))),
                        set("usage", BatchDocuments.usage(tally.usage()))));
            });
        });
    }

    private static Bson sameCounts(RequestCounts counts) {
        return and(eq("counts.completed", counts.completed()), eq("counts.failed", counts.failed()));
    }
}
