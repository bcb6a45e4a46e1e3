package dev.llmworkbench.application.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.application.batch.port.AnsweredLine;
import dev.llmworkbench.application.batch.port.BatchEnded;
import dev.llmworkbench.application.batch.port.PendingLine;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.NotFoundException;
import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.BatchEndpoint;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.batch.BatchUsage;
import dev.llmworkbench.domain.batch.CompletionWindow;
import dev.llmworkbench.domain.batch.LineAnswer;
import dev.llmworkbench.domain.batch.RequestCounts;
import dev.llmworkbench.domain.files.FilePurpose;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchRunnerTest {
    private static final String CHAT = "/v1/chat/completions";

    private final InMemoryBatches batches = new InMemoryBatches();
    private final MemoryFileStore files = new MemoryFileStore();
    private final ScriptedCaller caller = new ScriptedCaller();
    private final SettableClock clock = new SettableClock();
    private final List<BatchEnded> ended = new CopyOnWriteArrayList<>();
    private final BatchIds ids = new BatchIds(new SplittableRandom(19));
    private BatchRunner runner = runner(4);

    private BatchRunner runner(int concurrency) {
        return new BatchRunner(batches, files, new TextInputLines(), caller, ended::add, clock, ids,
                new BatchSettings(concurrency, 100, 3, Duration.ofMillis(5), Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        caller.release();
        runner.close();
    }

    private Batch create(String content, Map<String, String> metadata, String window) {
        String file = files.upload(content, FilePurpose.BATCH);
        return new CreateBatch(runner, files, new TextInputLines(), ids, clock)
                .create(new CreateBatchCommand(file, Optional.empty(), Optional.of(window), metadata, Optional.empty()));
    }

    private Batch create(String content) {
        return create(content, Map.of(), "24h");
    }

    private static String lines(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "r" + i + " " + CHAT + " gpt-4o\n").collect(Collectors.joining());
    }

    /** Until the batch ended and the notifier heard of it, which comes just after the final status is stored. */
    private Batch awaitEnd(String id) {
        await(() -> batches.find(id).orElseThrow().status().isTerminal() && ended.stream().anyMatch(e -> e.batchId().equals(id)));
        return batches.find(id).orElseThrow();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.onSpinWait();
        }
    }

    private List<String> fileLines(Optional<String> id) {
        return id.map(f -> Arrays.asList(files.text(f).split("\n"))).orElse(List.of());
    }

    private static List<String> customIds(List<String> fileLines) {
        return fileLines.stream().map(l -> l.replaceAll(".*\"custom_id\":\"([^\"]*)\".*", "$1")).toList();
    }

    @Test
    void everyLineIsAnsweredOnceAndTheOutputHasOneLinePerCustomId() {
        Batch done = awaitEnd(create(lines(5)).id());
        assertEquals(BatchStatus.COMPLETED, done.status());
        assertEquals(new RequestCounts(5, 5, 0), done.counts());
        assertEquals(new BatchUsage(50, 10, 25, 5), done.usage());
        assertEquals(List.of("r1", "r2", "r3", "r4", "r5"), customIds(fileLines(done.outputFileId())));
        assertEquals(Optional.empty(), done.errorFileId());
        assertEquals(List.of(BatchStatus.VALIDATING, BatchStatus.IN_PROGRESS, BatchStatus.FINALIZING, BatchStatus.COMPLETED),
                batches.events(done.id()).stream().map(e -> e.status()).toList());
        assertEquals(List.of(BatchStatus.COMPLETED), ended.stream().map(BatchEnded::status).toList());
    }

    @Test
    void aNon2xxAnswerGoesToTheErrorFileWithItsResponseAndCountsAsFailed() {
        caller.answer(body -> body.contains("\"line\":2") ? ScriptedCaller.status(400, Optional.empty()) : ScriptedCaller.ok());
        Batch done = awaitEnd(create(lines(3)).id());
        assertEquals(new RequestCounts(3, 2, 1), done.counts());
        assertEquals(List.of("r1", "r3"), customIds(fileLines(done.outputFileId())));
        List<String> errors = fileLines(done.errorFileId());
        assertEquals(List.of("r2"), customIds(errors));
        assertTrue(errors.getFirst().contains("\"status_code\":400") && errors.getFirst().endsWith("\"error\":null}"), errors.getFirst());
    }

    @Test
    void aRateLimitedLineIsSentAgainAfterItsRetryAfterInsteadOfFailing() {
        caller.answer(body -> caller.calls(body) == 1 ? ScriptedCaller.status(429, Optional.of(Duration.ofMillis(20))) : ScriptedCaller.ok());
        Batch done = awaitEnd(create(lines(2)).id());
        assertEquals(new RequestCounts(2, 2, 0), done.counts());
        assertEquals(4, caller.bodies().size());
    }

    @Test
    void aRefusedLineWaitsPastItsAttemptsAndIsAnsweredOnceTheTargetListensAgain() {
        caller.refuse(8);
        Batch done = awaitEnd(create(lines(1)).id());
        assertEquals(new RequestCounts(1, 1, 0), done.counts());
        assertEquals(9, caller.bodies().size());
    }

    @Test
    void aLineThatNeverGetsAnAnswerIsAnErrorLineAfterItsAttempts() {
        caller.answer(body -> null);
        Batch done = awaitEnd(create(lines(1)).id());
        assertEquals(new RequestCounts(1, 0, 1), done.counts());
        assertEquals(3, caller.bodies().size());
        assertTrue(fileLines(done.errorFileId()).getFirst().contains("\"response\":null,\"error\":{\"code\":\"request_failed\""));
    }

    @Test
    void aBadFileFailsWithLineNumberedErrorsAndSendsNothing() {
        Batch failed = awaitEnd(create("r1 " + CHAT + " gpt-4o\n!\nr1 " + CHAT + " gpt-4o\n").id());
        assertEquals(BatchStatus.FAILED, failed.status());
        assertEquals(List.of("invalid_json_line@2", "duplicate_custom_id@3"),
                failed.errors().stream().map(e -> e.code() + "@" + e.line().getAsInt()).toList());
        assertEquals(List.of(), caller.bodies());
        assertEquals(List.of(BatchStatus.FAILED), ended.stream().map(BatchEnded::status).toList());
    }

    @Test
    void metadataModelReplacesTheModelOfEveryLine() {
        Batch done = awaitEnd(create("a " + CHAT + " gpt-4o\nb " + CHAT + " gpt-4o-mini\n",
                Map.of("model", "google/gemma-3-4b-it"), "24h").id());
        assertEquals(BatchStatus.COMPLETED, done.status());
        assertEquals(Optional.of("google/gemma-3-4b-it"), done.model());
        assertTrue(caller.bodies().stream().allMatch(b -> b.contains("\"model\":\"google/gemma-3-4b-it\"")), caller.bodies().toString());
    }

    @Test
    void aBatchNeverHasMoreLinesInFlightThanItsConcurrency() {
        runner = runner(2);
        assertEquals(BatchStatus.COMPLETED, awaitEnd(create(lines(12)).id()).status());
        assertTrue(caller.maxInFlight() <= 2, "in flight at once: " + caller.maxInFlight());
    }

    @Test
    void cancellingKeepsTheLineThatFinishedAndEndsCancelled() {
        runner = runner(1);
        caller.hold();
        Batch batch = create(lines(3));
        await(() -> caller.bodies().size() == 1);
        Batch cancelling = new CancelBatch(runner).cancel(batch.id());
        assertEquals(BatchStatus.CANCELLING, cancelling.status());
        caller.release();
        Batch done = awaitEnd(batch.id());
        assertEquals(BatchStatus.CANCELLED, done.status());
        assertEquals(new RequestCounts(3, 1, 2), done.counts());
        assertEquals(List.of("r1"), customIds(fileLines(done.outputFileId())));
        assertTrue(fileLines(done.errorFileId()).stream().allMatch(l -> l.contains("\"code\":\"batch_cancelled\"")));
        assertEquals(1, caller.bodies().size());
    }

    @Test
    void whenTheWindowEndsTheLinesNotDoneExpireAndALateAnswerIsNotCounted() {
        runner = runner(1);
        caller.hold();
        Batch batch = create(lines(3), Map.of(), "30s");
        await(() -> caller.bodies().size() == 1);
        clock.advance(Duration.ofSeconds(31));
        Batch done = awaitEnd(batch.id());
        assertEquals(BatchStatus.EXPIRED, done.status());
        assertEquals(new RequestCounts(3, 0, 3), done.counts());
        assertEquals(List.of("r1", "r2", "r3"), customIds(fileLines(done.errorFileId())));
        assertTrue(fileLines(done.errorFileId()).stream().allMatch(l -> l.contains("\"code\":\"batch_expired\"")));
        caller.release();
        runner.close();
        assertEquals(new RequestCounts(3, 0, 3), batches.find(batch.id()).orElseThrow().counts());
    }

    @Test
    void aRestartedRunnerSendsOnlyTheLinesNotYetAnswered() {
        String file = files.upload(lines(4), FilePurpose.BATCH);
        Batch batch = Batch.create("batch_cut", BatchEndpoint.CHAT_COMPLETIONS, file, CompletionWindow.DAY, Map.of(),
                Optional.empty(), clock.instant());
        batches.add(batch);
        batches.start(batch.start(4, Optional.of("gpt-4o"), clock.instant()),
                IntStream.rangeClosed(1, 4).mapToObj(i -> new PendingLine(i, "r" + i)).toList());
        batches.answer(batch.id(), IntStream.rangeClosed(1, 2).mapToObj(i -> new AnsweredLine(
                new LineAnswer.Response(i, "r" + i, 200, "req", "{}", ScriptedCaller.USAGE), "{\"custom_id\":\"r" + i + "\"}")).toList());

        assertEquals(1, runner.resumeUnfinished());
        Batch done = awaitEnd(batch.id());
        assertEquals(new RequestCounts(4, 4, 0), done.counts());
        assertEquals(List.of("r1", "r2", "r3", "r4"), customIds(fileLines(done.outputFileId())));
        assertEquals(2, caller.bodies().size());
        assertTrue(caller.bodies().stream().noneMatch(b -> b.contains("\"line\":1,") || b.contains("\"line\":1}")));
    }

    @Test
    void anEndedBatchCannotBeCancelledAndAnUnknownOneIsNotFound() {
        Batch done = awaitEnd(create(lines(1)).id());
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> new CancelBatch(runner).cancel(done.id()));
        assertEquals("Cannot cancel a batch with status 'completed'.", refused.getMessage());
        assertThrows(NotFoundException.class, () -> new CancelBatch(runner).cancel("batch_none"));
        assertThrows(NotFoundException.class, () -> new GetBatch(batches).get("batch_none"));
    }
}
