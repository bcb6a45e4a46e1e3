package dev.llmworkbench.persistence.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import dev.llmworkbench.application.batch.port.AnsweredLine;
import dev.llmworkbench.application.batch.port.PendingLine;
import dev.llmworkbench.domain.batch.BatchUsage;
import dev.llmworkbench.persistence.mongo.MongoUnitOfWork.Operations;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The lines of every batch in {@code batch_lines}, one document each, {@code _id} {@code <batch id>:<line>} so that
 * writing a batch's lines again (a start cut by a crash and run again) adds none twice. A line is {@code pending}
 * until its answer moves it, once, to {@code done} or {@code failed} with its file line and its usage.
 */
final class BatchLines {
    private static final String PENDING = "pending";
    private static final int WRITES_PER_CALL = 1_000;

    /** What recorded answers add to a batch: lines completed and failed, and their tokens. */
    record Tally(int completed, int failed, BatchUsage usage) {
        static final Tally NONE = new Tally(0, 0, BatchUsage.NONE);

        static Tally of(List<AnsweredLine> answers) {
            int completed = (int) answers.stream().filter(a -> a.answer().succeeded()).count();
            BatchUsage usage = answers.stream().map(a -> a.answer().tokens()).reduce(BatchUsage.NONE, BatchUsage::plus);
            return new Tally(completed, answers.size() - completed, usage);
        }

        /** The update that adds this tally to a batch's counts and usage. */
        Bson increments() {
            return combine(inc("counts.completed", completed), inc("counts.failed", failed),
                    inc("usage.input", usage.inputTokens()), inc("usage.cached", usage.cachedTokens()),
                    inc("usage.output", usage.outputTokens()), inc("usage.reasoning", usage.reasoningTokens()));
        }
    }

    private final MongoCollection<Document> lines;

    BatchLines(MongoCollection<Document> lines) {
        this.lines = lines;
        // pending() and forEachAnswer() by state in line order, and the tally of a batch's lines by its prefix
        lines.createIndex(Indexes.ascending("batch_id", "state", "line"));
        lines.createIndex(Indexes.ascending("claim"));
    }

    /** Adds the lines as pending; a line already there (from a start cut short) is left as it is. */
    void addPending(Operations ops, String batchId, List<PendingLine> pending) {
        for (int from = 0; from < pending.size(); from += WRITES_PER_CALL) {
            List<UpdateOneModel<Document>> writes = pending.subList(from, Math.min(pending.size(), from + WRITES_PER_CALL))
                    .stream().map(line -> new UpdateOneModel<Document>(eq("_id", id(batchId, line.line())), combine(
                            setOnInsert("batch_id", batchId), setOnInsert("line", line.line()),
                            setOnInsert("custom_id", line.customId()), setOnInsert("state", PENDING)),
                            new UpdateOptions().upsert(true)))
                    .toList();
            ops.bulkWrite(lines, writes);
        }
    }

    void deleteAll(Operations ops, String batchId) {
        ops.deleteMany(lines, eq("batch_id", batchId));
    }

    /**
     * Moves the answered lines still pending to their state, each stamped with this call's own claim: when another
     * call recorded some of the same lines first, the claim tells which lines this one recorded.
     */
    Tally record(Operations ops, String batchId, List<AnsweredLine> answers) {
        String claim = UUID.randomUUID().toString();
        List<UpdateOneModel<Document>> writes = answers.stream().map(answered -> new UpdateOneModel<Document>(
                and(eq("_id", id(batchId, answered.answer().line())), eq("state", PENDING)),
                combine(set("state", answered.answer().succeeded() ? "done" : "failed"), set("output", answered.fileLine()),
                        set("usage", BatchDocuments.usage(answered.answer().tokens())), set("claim", claim))))
                .toList();
        int recorded = ops.bulkWrite(lines, writes).getModifiedCount();
        if (recorded == answers.size()) {
            return Tally.of(answers);
        }
        return recorded == 0 ? Tally.NONE : tally(ops, eq("claim", claim));
    }

    /** The answered lines of a batch, summed from the lines themselves: what its counts must say. */
    Tally tally(Operations ops, String batchId) {
        return tally(ops, eq("batch_id", batchId));
    }

    private Tally tally(Operations ops, Bson which) {
        List<Document> groups = ops.aggregate(lines, List.of(Aggregates.match(which), Aggregates.group("$state",
                Accumulators.sum("lines", 1), Accumulators.sum("input", "$usage.input"),
                Accumulators.sum("cached", "$usage.cached"), Accumulators.sum("output", "$usage.output"),
                Accumulators.sum("reasoning", "$usage.reasoning")))).into(new ArrayList<>());
        int completed = 0;
        int failed = 0;
        BatchUsage usage = BatchUsage.NONE;
        for (Document group : groups) {
            String state = group.getString("_id");
            if (!PENDING.equals(state)) {
                int count = BatchDocuments.number(group, "lines").intValue();
                completed += "done".equals(state) ? count : 0;
                failed += "done".equals(state) ? 0 : count;
                usage = usage.plus(BatchDocuments.usage(group));
            }
        }
        return new Tally(completed, failed, usage);
    }

    List<PendingLine> pending(String batchId) {
        return lines.find(and(eq("batch_id", batchId), eq("state", PENDING))).sort(Sorts.ascending("line"))
                .projection(Projections.include("line", "custom_id"))
                .map(d -> new PendingLine(BatchDocuments.number(d, "line").intValue(), d.getString("custom_id")))
                .into(new ArrayList<>());
    }

    /** Streams the file lines a thousand at a time, so a batch of 50,000 lines is never held whole. */
    void forEachAnswer(String batchId, boolean succeeded, Consumer<String> fileLine) {
        lines.find(and(eq("batch_id", batchId), eq("state", succeeded ? "done" : "failed"))).sort(Sorts.ascending("line"))
                .projection(Projections.include("output")).batchSize(WRITES_PER_CALL)
                .forEach(d -> fileLine.accept(d.getString("output")));
    }

    private static String id(String batchId, int line) {
        return batchId + ":" + line;
    }
}
