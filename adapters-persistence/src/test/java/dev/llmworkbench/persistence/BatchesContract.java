package dev.llmworkbench.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.application.batch.port.AnsweredLine;
import dev.llmworkbench.application.batch.port.Batches;
import dev.llmworkbench.application.batch.port.PendingLine;
import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.BatchEndpoint;
import dev.llmworkbench.domain.batch.BatchError;
import dev.llmworkbench.domain.batch.BatchEvent;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.batch.BatchUsage;
import dev.llmworkbench.domain.batch.CompletionWindow;
import dev.llmworkbench.domain.batch.LineAnswer;
import dev.llmworkbench.domain.batch.OutputExpiry;
import dev.llmworkbench.domain.batch.RequestCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every store of batches must do, whatever keeps them; each adapter's test extends this. */
public abstract class BatchesContract {
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    /** The store under test, empty at first. */
    protected abstract Batches batches();

    /** The same store as a new process would open it after a crash. */
    protected abstract Batches reopened();

    private static Batch batch(String id, Instant at) {
        return Batch.create(id, BatchEndpoint.CHAT_COMPLETIONS, "file-in", CompletionWindow.parse("1h"),
                Map.of("model", "google/gemma-3-4b-it", "team", "a"), Optional.of(new OutputExpiry(Duration.ofDays(2))), at);
    }

    private Batch started(String id, int lines) {
        Batch batch = batch(id, T0);
        batches().add(batch);
        Batch next = batch.start(lines, Optional.of("gpt-4o"), T0.plusSeconds(1));
        assertTrue(batches().start(next, IntStream.rangeClosed(1, lines).mapToObj(i -> new PendingLine(i, "c" + i)).toList()));
        return next;
    }

    private static AnsweredLine ok(int line) {
        return new AnsweredLine(new LineAnswer.Response(line, "c" + line, 200, "req", "{}", new BatchUsage(10, 2, 5, 1)),
                "{\"ok\":" + line + "}");
    }

    private static AnsweredLine bad(int line) {
        return new AnsweredLine(new LineAnswer.NoResponse(line, "c" + line, "batch_expired", "late"), "{\"bad\":" + line + "}");
    }

    @Test
    void aBatchReadsBackAsItWasKept() {
        Batch batch = batch("batch_a", T0);
        batches().add(batch);
        Batch read = batches().find("batch_a").orElseThrow();
        assertEquals(batch, read);
        assertEquals(Optional.empty(), batches().find("batch_none"));
    }

    @Test
    void aMoveIsKeptOnlyFromTheStatusItWasMadeFrom() {
        Batch started = started("batch_b", 2);
        Batch cancelling = started.cancel(T0.plusSeconds(2));
        assertTrue(batches().move(BatchStatus.IN_PROGRESS, cancelling));
        assertFalse(batches().move(BatchStatus.IN_PROGRESS, started.finalizing(T0.plusSeconds(3))));
        Batch read = batches().find("batch_b").orElseThrow();
        assertEquals(BatchStatus.CANCELLING, read.status());
        assertEquals(Optional.of(T0.plusSeconds(2)), read.times().at(BatchStatus.CANCELLING));
        assertEquals(Optional.of("gpt-4o"), read.model());
        assertEquals(2, read.counts().total());
    }

    @Test
    void aLineIsCountedOnceHoweverOftenItIsAnswered() {
        started("batch_c", 3);
        assertEquals(2, batches().answer("batch_c", List.of(ok(1), bad(2))));
        assertEquals(1, batches().answer("batch_c", List.of(ok(1), ok(2), ok(3))));
        Batch read = reopened().find("batch_c").orElseThrow();
        assertEquals(new RequestCounts(3, 2, 1), read.counts());
        assertEquals(new BatchUsage(20, 4, 10, 2), read.usage());
        assertEquals(List.of(), batches().pending("batch_c"));
        List<String> output = new ArrayList<>();
        batches().forEachAnswer("batch_c", true, output::add);
        List<String> errors = new ArrayList<>();
        batches().forEachAnswer("batch_c", false, errors::add);
        assertEquals(List.of("{\"ok\":1}", "{\"ok\":3}"), output);
        assertEquals(List.of("{\"bad\":2}"), errors);
    }

    @Test
    void pendingLinesSurviveARestartInLineOrder() {
        started("batch_d", 4);
        batches().answer("batch_d", List.of(ok(2)));
        assertEquals(List.of(new PendingLine(1, "c1"), new PendingLine(3, "c3"), new PendingLine(4, "c4")),
                reopened().pending("batch_d"));
        assertEquals(List.of("batch_d"), batches().unfinished().stream().map(Batch::id).toList());
    }

    @Test
    void everyStatusChangeIsLoggedWithTheCountsOfItsMoment() {
        Batch started = started("batch_e", 2);
        batches().answer("batch_e", List.of(ok(1), ok(2)));
        Batch finalizing = started.finalizing(T0.plusSeconds(5));
        batches().move(BatchStatus.IN_PROGRESS, finalizing);
        batches().move(BatchStatus.FINALIZING, finalizing.complete(Optional.of("file-out"), Optional.empty(), T0.plusSeconds(6)));
        List<BatchEvent> events = batches().events("batch_e");
        assertEquals(List.of(BatchStatus.VALIDATING, BatchStatus.IN_PROGRESS, BatchStatus.FINALIZING, BatchStatus.COMPLETED),
                events.stream().map(BatchEvent::status).toList());
        assertEquals(List.of(new RequestCounts(0, 0, 0), new RequestCounts(2, 0, 0), new RequestCounts(2, 2, 0),
                new RequestCounts(2, 2, 0)), events.stream().map(BatchEvent::counts).toList());
        assertEquals(T0.plusSeconds(6), events.getLast().at());
        assertEquals(Optional.of("file-out"), batches().find("batch_e").orElseThrow().outputFileId());
        assertEquals(List.of(), batches().unfinished());
    }

    @Test
    void aFailedBatchKeepsItsErrorsInOrder() {
        Batch batch = batch("batch_f", T0);
        batches().add(batch);
        List<BatchError> errors = List.of(BatchError.atLine(2, "invalid_json_line", null, "not json"),
                BatchError.ofFile("empty_file", "empty"));
        batches().move(BatchStatus.VALIDATING, batch.fail(errors, T0.plusSeconds(1)));
        assertEquals(errors, reopened().find("batch_f").orElseThrow().errors());
    }

    @Test
    void pagesGoNewestFirstAndSayWhetherMoreFollow() {
        for (int i = 0; i < 5; i++) {
            batches().add(batch("batch_p" + i, T0.plusSeconds(i / 2)));
        }
        var first = batches().list(2, Optional.empty());
        assertEquals(List.of("batch_p4", "batch_p3"), first.batches().stream().map(Batch::id).toList());
        assertTrue(first.hasMore());
        var last = batches().list(10, Optional.of("batch_p2"));
        assertEquals(List.of("batch_p1", "batch_p0"), last.batches().stream().map(Batch::id).toList());
        assertFalse(last.hasMore());
    }

    @Test
    void aStartThatLostToACancelLeavesNoLineToRun() {
        Batch batch = batch("batch_g", T0);
        batches().add(batch);
        assertTrue(batches().move(BatchStatus.VALIDATING, batch.cancel(T0.plusSeconds(1))));
        Batch late = batch.start(2, Optional.of("gpt-4o"), T0.plusSeconds(2));
        assertFalse(batches().start(late, List.of(new PendingLine(1, "c1"), new PendingLine(2, "c2"))));
        assertEquals(List.of(), reopened().pending("batch_g"));
        Batch read = batches().find("batch_g").orElseThrow();
        assertEquals(BatchStatus.CANCELLING, read.status());
        assertEquals(RequestCounts.NONE, read.counts());
        assertEquals(List.of(BatchStatus.VALIDATING, BatchStatus.CANCELLING),
                batches().events("batch_g").stream().map(BatchEvent::status).toList());
    }

    @Test
    void aSecondStartOfARunningBatchChangesNothing() {
        Batch started = started("batch_h", 3);
        batches().answer("batch_h", List.of(ok(2)));
        assertFalse(batches().start(started, List.of(new PendingLine(1, "c1"), new PendingLine(2, "c2"), new PendingLine(3, "c3"))));
        assertEquals(List.of(new PendingLine(1, "c1"), new PendingLine(3, "c3")), batches().pending("batch_h"));
        assertEquals(new RequestCounts(3, 1, 0), batches().find("batch_h").orElseThrow().counts());
        assertEquals(2, batches().events("batch_h").size());
    }

    @Test
    void answersRacingForTheSameLinesCountEachLineOnce() throws InterruptedException {
        int lines = 120;
        started("batch_r", lines);
        List<Thread> threads = new ArrayList<>();
        int[] recorded = new int[4];
        for (int t = 0; t < recorded.length; t++) {
            int thread = t;
            threads.add(Thread.ofVirtual().start(() -> {
                // Each thread answers every line, in chunks of a different size and from a different end.
                List<AnsweredLine> all = IntStream.rangeClosed(1, lines).mapToObj(BatchesContract::ok).toList();
                List<AnsweredLine> order = thread % 2 == 0 ? all : all.reversed();
                for (int from = 0; from < lines; from += thread + 1) {
                    recorded[thread] += batches().answer("batch_r", order.subList(from, Math.min(lines, from + thread + 1)));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(lines, IntStream.of(recorded).sum());
        Batch read = batches().find("batch_r").orElseThrow();
        assertEquals(new RequestCounts(lines, lines, 0), read.counts());
        assertEquals(new BatchUsage(10L * lines, 2L * lines, 5L * lines, lines), read.usage());
        List<String> output = new ArrayList<>();
        batches().forEachAnswer("batch_r", true, output::add);
        assertEquals(IntStream.rangeClosed(1, lines).mapToObj(i -> "{\"ok\":" + i + "}").toList(), output);
    }

    @Test
    void aCursorNamingNoBatchGivesAnEmptyPage() {
        batches().add(batch("batch_q", T0));
        var page = batches().list(10, Optional.of("batch_unknown"));
        assertEquals(List.of(), page.batches());
        assertFalse(page.hasMore());
        assertEquals(List.of(), batches().events("batch_unknown"));
    }
}
