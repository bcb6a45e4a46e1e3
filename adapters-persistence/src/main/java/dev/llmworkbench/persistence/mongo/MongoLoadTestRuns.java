package dev.llmworkbench.persistence.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import dev.llmworkbench.application.loadtest.port.LoadTestRuns;
import dev.llmworkbench.application.loadtest.port.PageRequest;
import dev.llmworkbench.application.loadtest.port.RunPage;
import dev.llmworkbench.domain.loadtest.LoadTestRun;
import dev.llmworkbench.domain.loadtest.RunStatus;
import dev.llmworkbench.persistence.SortableInstants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Load-test runs in the {@code load_test_runs} collection, one document a run under the run's id. */
public final class MongoLoadTestRuns implements LoadTestRuns {
    private static final List<String> UNFINISHED = List.of(RunStatus.QUEUED.wireName(), RunStatus.RUNNING.wireName());

    private final MongoCollection<Document> runs;

    public MongoLoadTestRuns(MongoStore store) {
        this.runs = store.database().getCollection("load_test_runs");
        runs.createIndex(NewestFirst.INDEX);
        runs.createIndex(Indexes.ascending("status"));
    }

    @Override
    public void add(LoadTestRun run) {
        try {
            runs.insertOne(document(run));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new IllegalArgumentException("a load-test run with id " + run.id() + " is already kept", e);
            }
            throw e;
        }
    }

    @Override
    public boolean update(LoadTestRun current, LoadTestRun next) {
        if (!current.id().equals(next.id())) {
            throw new IllegalArgumentException("update moves one run on: " + current.id() + " is not " + next.id());
        }
        // Matching on the stored status makes the replace a compare-and-set, one document being atomic.
        return runs.replaceOne(and(eq("_id", next.id()), eq("status", current.status().wireName())), document(next))
                .getMatchedCount() == 1;
    }

    @Override
    public Optional<LoadTestRun> find(String id) {
        return Optional.ofNullable(runs.find(eq("_id", id)).first()).map(MongoLoadTestRuns::run);
    }

    @Override
    public RunPage list(PageRequest request) {
        Bson filter = new Document();
        if (request.after().isPresent()) {
            Optional<LoadTestRun> cursor = find(request.after().get());
            if (cursor.isEmpty()) {
                return new RunPage(List.of(), false);
            }
            filter = NewestFirst.after(cursor.get().createdAt(), cursor.get().id());
        }
        // One run more than the page tells whether older runs follow it.
        List<LoadTestRun> found = runs.find(filter).sort(NewestFirst.SORT).limit(request.limit() + 1)
                .map(MongoLoadTestRuns::run).into(new ArrayList<>());
        boolean hasMore = found.size() > request.limit();
        return new RunPage(hasMore ? found.subList(0, request.limit()) : found, hasMore);
    }

    @Override
    public int interruptUnfinished(Instant now) {
        int interrupted = 0;
        // Run by run, since each ends at its own time: no earlier than it started, should the clock have stepped back.
        for (Document unfinished : runs.find(in("status", UNFINISHED))) {
            LoadTestRun run = run(unfinished);
            Instant began = run.startedAt().orElse(run.createdAt());
            Instant end = now.isBefore(began) ? began : now;
            interrupted += (int) runs.updateOne(and(eq("_id", run.id()), in("status", UNFINISHED)), Updates.combine(
                    Updates.set("status", RunStatus.INTERRUPTED.wireName()),
                    Updates.set("finished_at", SortableInstants.format(end)))).getModifiedCount();
        }
        return interrupted;
    }

    private static Document document(LoadTestRun run) {
        return new Document("_id", run.id())
                .append("status", run.status().wireName())
                .append("plan", run.plan())
                .append("result", run.result().orElse(null))
                .append("failure", run.failure().orElse(null))
                .append("created_at", SortableInstants.format(run.createdAt()))
                .append("started_at", run.startedAt().map(SortableInstants::format).orElse(null))
                .append("finished_at", run.finishedAt().map(SortableInstants::format).orElse(null));
    }

    private static LoadTestRun run(Document document) {
        return new LoadTestRun(document.getString("_id"), RunStatus.fromWireName(document.getString("status")),
                document.getString("plan"), SortableInstants.parse(document.getString("created_at")),
                instant(document, "started_at"), instant(document, "finished_at"),
                Optional.ofNullable(document.getString("result")), Optional.ofNullable(document.getString("failure")));
    }

    private static Optional<Instant> instant(Document document, String field) {
        return Optional.ofNullable(document.getString(field)).map(SortableInstants::parse);
    }
}
