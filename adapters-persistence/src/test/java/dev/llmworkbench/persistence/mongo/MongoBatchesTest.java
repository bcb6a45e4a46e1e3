package dev.llmworkbench.persistence.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.llmworkbench.application.batch.port.AnsweredLine;
import dev.llmworkbench.application.batch.port.Batches;
import dev.llmworkbench.application.batch.port.PendingLine;
import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.BatchEndpoint;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.batch.BatchUsage;
import dev.llmworkbench.domain.batch.CompletionWindow;
import dev.llmworkbench.domain.batch.LineAnswer;
import dev.llmworkbench.domain.batch.RequestCounts;
import dev.llmworkbench.persistence.BatchesContract;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MongoBatchesTest extends BatchesContract {
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    private final TestMongo mongo = TestMongo.start();
    private MongoBatches batches;

    @Override
    protected Batches batches() {
        if (batches == null) {
            batches = new MongoBatches(mongo.store());
        }
        return batches;
    }

    @Override
    protected Batches reopened() {
        batches = new MongoBatches(mongo.store());
        return batches;
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    /** What the first of an answer's two writes leaves when the process dies before the second: a line answered, not counted. */
    private void answeredButNotCounted(String batchId, int line, String state) {
        mongo.store().database().getCollection("batch_lines").updateOne(Filters.eq("_id", batchId + ":" + line), Updates.combine(
                Updates.set("state", state), Updates.set("output", "{}"),
                Updates.set("usage", new Document("input", 7L).append("cached", 0L).append("output", 3L).append("reasoning", 0L))));
    }

    private static AnsweredLine answered(int line) {
        return new AnsweredLine(new LineAnswer.Response(line, "c" + line, 200, "req", "{}", new BatchUsage(10, 0, 5, 0)), "{}");
    }

    private Batch started(String id) {
        Batch batch = Batch.create(id, BatchEndpoint.CHAT_COMPLETIONS, "file-in", CompletionWindow.DAY, Map.of(), Optional.empty(), T0);
        batches().add(batch);
        Batch next = batch.start(3, Optional.of("gpt-4o"), T0.plusSeconds(1));
        assertTrue(batches().start(next, List.of(new PendingLine(1, "c1"), new PendingLine(2, "c2"), new PendingLine(3, "c3"))));
        return next;
    }

    @Test
    void linesAnsweredButNotCountedBeforeACrashAreCountedWhenTheStoreOpensAgain() {
        started("batch_crash");
        answeredButNotCounted("batch_crash", 1, "done");
        assertEquals(new RequestCounts(3, 0, 0), batches().find("batch_crash").orElseThrow().counts());
        Batch read = reopened().find("batch_crash").orElseThrow();
        assertEquals(new RequestCounts(3, 1, 0), read.counts());
        assertEquals(new BatchUsage(7, 0, 3, 0), read.usage());
        assertEquals(List.of(new PendingLine(2, "c2"), new PendingLine(3, "c3")), batches().pending("batch_crash"));
    }

    @Test
    void aBatchThatStopsTakingAnswersHasTheCountsOfItsLinesEvenWhenAnAnswerWasNotYetAddedToThem() {
        Batch started = started("batch_late");
        batches().answer("batch_late", List.of(answered(1), answered(3)));
        answeredButNotCounted("batch_late", 2, "failed");
        assertEquals(new RequestCounts(3, 2, 0), batches().find("batch_late").orElseThrow().counts());
        assertTrue(batches().move(BatchStatus.IN_PROGRESS, started.finalizing(T0.plusSeconds(2))));
        assertEquals(new RequestCounts(3, 2, 1), batches().events("batch_late").getLast().counts());
        Batch read = batches().find("batch_late").orElseThrow();
        assertEquals(new RequestCounts(3, 2, 1), read.counts());
        assertEquals(new BatchUsage(27, 0, 13, 0), read.usage());
    }

    @Test
    void theInProcessServerHasNoTransactionsSoTheseTestsProveTheOrderedWrites() {
        Assumptions.assumeFalse(mongo.isReal(), "a real MongoDB may be a replica set");
        assertFalse(new MongoUnitOfWork(mongo.store()).transactional());
    }
}
