package dev.llmworkbench.application.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.application.loadtest.port.PageRequest;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.NotFoundException;
import dev.llmworkbench.domain.loadtest.LoadShape;
import dev.llmworkbench.domain.loadtest.LoadTestRun;
import dev.llmworkbench.domain.loadtest.PlanRequest;
import dev.llmworkbench.domain.loadtest.RunLimits;
import dev.llmworkbench.domain.loadtest.RunStatus;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadTestUseCasesTest {
    private static final String KEY = "sk-marker-5f1c2b9e";

    private final InMemoryLoadTestRuns runs = new InMemoryLoadTestRuns();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private LoadTestQueue queue = queue(1);

    private LoadTestQueue queue(int maxConcurrentRuns) {
        return new LoadTestQueue(runs, generator, new TickingClock(), new Random(1), Thread.ofVirtual().factory(),
                maxConcurrentRuns, Duration.ZERO, new RunLimits(LoadShape.MAX_USERS, Duration.ofDays(365)));
    }

    @AfterEach
    void stop() {
        generator.release();
        queue.close();
    }

    private static LoadTestCommand command(String remark) {
        PlanRequest request = new PlanRequest(null, null, null, null, null, "1s", null, remark, null, null, null, null,
                null, null, null, null, null, null, null);
        return new LoadTestCommand(request.toPlan(URI.create("http://localhost:9080/v1")), "{\"remark\":\"" + remark + "\"}",
                Optional.of(KEY));
    }

    private RunStatus status(LoadTestRun run) {
        return runs.find(run.id()).orElseThrow().status();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
            Thread.sleep(5);
        }
    }

    @Test
    void startStoresTheRunQueuedWithItsPlanAndRunsItToCompletion() throws InterruptedException {
        LoadTestRun queued = new StartLoadTest(queue).start(command("a"));
        assertEquals(RunStatus.QUEUED, queued.status());
        assertEquals("{\"remark\":\"a\"}", runs.find(queued.id()).orElseThrow().plan());
        generator.release();
        await(() -> status(queued) == RunStatus.COMPLETED);
        assertEquals(Optional.of("{\"remark\":\"a\",\"stage\":\"final\"}"), runs.find(queued.id()).orElseThrow().result());
    }

    @Test
    void theGeneratorGetsTheKeyWhileNeitherThePlanNorTheResultHoldIt() throws InterruptedException {
        LoadTestRun run = new StartLoadTest(queue).start(command("a"));
        generator.release();
        await(() -> status(run) == RunStatus.COMPLETED);
        assertEquals(List.of(Optional.of(KEY)), generator.keys);
        LoadTestRun stored = runs.find(run.id()).orElseThrow();
        assertFalse(stored.plan().contains(KEY) || stored.result().orElseThrow().contains(KEY));
        assertFalse(command("a").toString().contains(KEY));
    }

    @Test
    void runsOneAtATimeByDefaultAndTheRestWaitInTheOrderTheyCame() throws InterruptedException {
        StartLoadTest start = new StartLoadTest(queue);
        LoadTestRun first = start.start(command("first"));
        LoadTestRun second = start.start(command("second"));
        LoadTestRun third = start.start(command("third"));
        await(() -> status(first) == RunStatus.RUNNING);
        assertEquals(RunStatus.QUEUED, status(second));
        assertEquals(RunStatus.QUEUED, status(third));
        generator.release();
        await(() -> status(third) == RunStatus.COMPLETED);
        assertEquals(List.of("first", "second", "third"), generator.started);
    }

    @Test
    void runsAsManyAtOnceAsConfigured() throws InterruptedException {
        queue.close();
        queue = queue(2);
        StartLoadTest start = new StartLoadTest(queue);
        LoadTestRun first = start.start(command("first"));
        LoadTestRun second = start.start(command("second"));
        LoadTestRun third = start.start(command("third"));
        await(() -> status(first) == RunStatus.RUNNING && status(second) == RunStatus.RUNNING);
        assertEquals(RunStatus.QUEUED, status(third));
    }

    @Test
    void aRunningRunKeepsItsLatestSnapshotInTheStore() throws InterruptedException {
        LoadTestRun run = new StartLoadTest(queue).start(command("a"));
        await(() -> runs.find(run.id()).orElseThrow().result().isPresent());
        LoadTestRun stored = runs.find(run.id()).orElseThrow();
        assertEquals(RunStatus.RUNNING, stored.status());
        assertEquals(Optional.of("{\"remark\":\"a\",\"stage\":\"snapshot\"}"), stored.result());
    }

    @Test
    void runWaitsForTheEndAndStoresTheRunLikeAnyOther() throws Exception {
        CompletableFuture<LoadTestRun> ended = CompletableFuture.supplyAsync(() -> {
            try {
                return new RunLoadTest(queue).run(command("sync"));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await(() -> generator.started.contains("sync"));
        assertFalse(ended.isDone());
        generator.release();
        LoadTestRun run = ended.get(10, TimeUnit.SECONDS);
        assertEquals(RunStatus.COMPLETED, run.status());
        assertEquals(Optional.of(run), runs.find(run.id()));
    }

    @Test
    void cancellingAQueuedRunEndsItAtOnceAndItNeverRuns() throws InterruptedException {
        StartLoadTest start = new StartLoadTest(queue);
        LoadTestRun first = start.start(command("first"));
        LoadTestRun second = start.start(command("second"));
        LoadTestRun cancelled = new CancelLoadTest(runs, queue, Duration.ofSeconds(5)).cancel(second.id());
        assertEquals(RunStatus.CANCELLED, cancelled.status());
        assertEquals(Optional.empty(), cancelled.startedAt());
        generator.release();
        await(() -> status(first) == RunStatus.COMPLETED);
        assertEquals(List.of("first"), generator.started);
        assertEquals(RunStatus.CANCELLED, status(second));
    }

    @Test
    void cancellingARunningRunEndsItCancelledWithWhatItMeasured() throws InterruptedException {
        LoadTestRun run = new StartLoadTest(queue).start(command("a"));
        await(() -> status(run) == RunStatus.RUNNING);
        LoadTestRun cancelled = new CancelLoadTest(runs, queue, Duration.ofSeconds(5)).cancel(run.id());
        assertEquals(RunStatus.CANCELLED, cancelled.status());
        assertEquals(Optional.of("{\"remark\":\"a\",\"stage\":\"partial\"}"), cancelled.result());
        assertEquals(Optional.of(cancelled), runs.find(run.id()));
    }

    @Test
    void cancellingACancelledRunAgainChangesNothing() throws InterruptedException {
        LoadTestRun run = new StartLoadTest(queue).start(command("a"));
        CancelLoadTest cancel = new CancelLoadTest(runs, queue, Duration.ofSeconds(5));
        LoadTestRun cancelled = cancel.cancel(run.id());
        assertEquals(cancelled, cancel.cancel(run.id()));
    }

    @Test
    void aCompletedRunCannotBeCancelled() throws InterruptedException {
        LoadTestRun run = new StartLoadTest(queue).start(command("a"));
        generator.release();
        await(() -> status(run) == RunStatus.COMPLETED);
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> new CancelLoadTest(runs, queue, Duration.ofSeconds(5)).cancel(run.id()));
        assertEquals("id", refused.param());
    }

    @Test
    void aGeneratorFailureFailsTheRunWithAReasonThatDoesNotHoldTheKey() throws InterruptedException {
        generator.failWith(new IllegalStateException("target refused Bearer " + KEY));
        LoadTestRun run = new StartLoadTest(queue).start(command("a"));
        await(() -> status(run) == RunStatus.FAILED);
        assertEquals(Optional.of("target refused Bearer [API_KEY]"), runs.find(run.id()).orElseThrow().failure());
    }

    @Test
    void closingTheQueueInterruptsRunningAndWaitingRunsKeepingWhatTheyMeasured() throws InterruptedException {
        StartLoadTest start = new StartLoadTest(queue);
        LoadTestRun first = start.start(command("first"));
        LoadTestRun second = start.start(command("second"));
        await(() -> runs.find(first.id()).orElseThrow().result().isPresent());
        queue.close();
        await(() -> status(first) == RunStatus.INTERRUPTED);
        assertEquals(Optional.of("{\"remark\":\"first\",\"stage\":\"snapshot\"}"), runs.find(first.id()).orElseThrow().result());
        assertEquals(RunStatus.INTERRUPTED, status(second));
    }

    @Test
    void getAndCancelAnswerNotFoundForAnUnknownId() {
        String unknown = "lt_000000000000000000000000";
        assertEquals("No load test found with id '" + unknown + "'.",
                assertThrows(NotFoundException.class, () -> new GetLoadTest(runs).get(unknown)).getMessage());
        assertThrows(NotFoundException.class, () -> new CancelLoadTest(runs, queue, Duration.ofSeconds(1)).cancel(unknown));
    }

    @Test
    void listGivesTheNewestFirstAPageAtATime() {
        StartLoadTest start = new StartLoadTest(queue);
        LoadTestRun first = start.start(command("first"));
        LoadTestRun second = start.start(command("second"));
        ListLoadTests list = new ListLoadTests(runs);
        assertEquals(List.of(second.id()), list.list(new PageRequest(Optional.empty(), 1)).runs().stream().map(LoadTestRun::id).toList());
        assertEquals(List.of(first.id()), list.list(new PageRequest(Optional.of(second.id()), 1)).runs().stream().map(LoadTestRun::id).toList());
    }

    @Test
    void compareGivesTheRunsInTheOrderAskedFor() {
        StartLoadTest start = new StartLoadTest(queue);
        LoadTestRun first = start.start(command("first"));
        LoadTestRun second = start.start(command("second"));
        assertEquals(List.of(second.id(), first.id()),
                new CompareLoadTests(runs).compare(List.of(second.id(), first.id())).stream().map(LoadTestRun::id).toList());
    }

    @Test
    void compareRefusesOneIdARepeatedIdAndAnUnknownId() {
        LoadTestRun run = new StartLoadTest(queue).start(command("a"));
        CompareLoadTests compare = new CompareLoadTests(runs);
        assertEquals("ids", assertThrows(InvalidRequestException.class, () -> compare.compare(List.of(run.id()))).param());
        assertEquals("ids", assertThrows(InvalidRequestException.class, () -> compare.compare(List.of(run.id(), run.id()))).param());
        assertThrows(NotFoundException.class, () -> compare.compare(List.of(run.id(), "lt_000000000000000000000000")));
    }

    @Test
    void aRunPastTheOperatorsLimitsIsRefusedNamingItsFieldAndNothingIsStored() {
        queue.close();
        queue = new LoadTestQueue(runs, generator, new TickingClock(), new Random(1), Thread.ofVirtual().factory(), 1, Duration.ZERO,
                new RunLimits(5, Duration.ofSeconds(3)));
        StartLoadTest start = new StartLoadTest(queue);
        InvalidRequestException users = assertThrows(InvalidRequestException.class, () -> start.start(new LoadTestCommand(
                new PlanRequest(null, null, null, 6, null, "1s", null, null, null, null, null, null, null, null, null, null, null, null, null)
                        .toPlan(URI.create("http://localhost:9080/v1")), "{}", Optional.empty())));
        assertEquals("user", users.param());
        // "1,2" x "1,2" is four steps of 1 s: 4 s in all, past 3 s
        InvalidRequestException time = assertThrows(InvalidRequestException.class, () -> start.start(new LoadTestCommand(
                new PlanRequest(null, "1,2", "1,2", 5, null, "1s", null, null, null, null, null, null, null, null, null, null, null, null, null)
                        .toPlan(URI.create("http://localhost:9080/v1")), "{}", Optional.empty())));
        assertEquals("time_", time.param());
        assertEquals(0, runs.list(new PageRequest(Optional.empty(), 10)).runs().size());
    }
}
