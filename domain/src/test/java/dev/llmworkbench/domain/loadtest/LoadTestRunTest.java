package dev.llmworkbench.domain.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LoadTestRunTest {
    private static final String PLAN = "{\"model\":\"codechat\",\"time_\":\"10s\"}";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-01T00:00:01Z");
    private static final Instant T2 = Instant.parse("2026-01-01T00:00:12Z");

    private final LoadTestRun queued = LoadTestRun.queue(PLAN, T0, new Random(7));

    @Test
    void aNewRunIsQueuedWithAnLtIdAndNothingMeasured() {
        assertTrue(queued.id().matches("lt_[0-9a-f]{24}"), queued.id());
        assertEquals(RunStatus.QUEUED, queued.status());
        assertEquals(T0, queued.createdAt());
        assertEquals(Optional.empty(), queued.startedAt());
        assertEquals(Optional.empty(), queued.result());
    }

    @Test
    void twoRunsGetDifferentIds() {
        Random random = new Random(1);
        assertNotEquals(LoadTestRun.queue(PLAN, T0, random).id(), LoadTestRun.queue(PLAN, T0, random).id());
    }

    @Test
    void aCompletedRunKeepsItsTimesAndResult() {
        LoadTestRun done = queued.start(T1).complete("{\"overall\":{}}", T2);
        assertEquals(RunStatus.COMPLETED, done.status());
        assertEquals(Optional.of(T1), done.startedAt());
        assertEquals(Optional.of(T2), done.finishedAt());
        assertEquals(Optional.of("{\"overall\":{}}"), done.result());
    }

    @Test
    void anInterruptedRunKeepsWhatItHadMeasuredUnlessGivenAPartialResult() {
        LoadTestRun running = queued.start(T1).measured("{\"overall\":{\"requests\":5}}");
        assertEquals(Optional.of("{\"overall\":{\"requests\":5}}"), running.interrupt(Optional.empty(), T2).result());
        assertEquals(Optional.of("{\"overall\":{\"requests\":6}}"),
                running.interrupt(Optional.of("{\"overall\":{\"requests\":6}}"), T2).result());
        assertEquals(RunStatus.INTERRUPTED, running.interrupt(Optional.empty(), T2).status());
    }

    @Test
    void aFailedRunSaysWhy() {
        LoadTestRun failed = queued.start(T1).fail("target refused every connection", T2);
        assertEquals(RunStatus.FAILED, failed.status());
        assertEquals(Optional.of("target refused every connection"), failed.failure());
    }

    @Test
    void aQueuedRunCanBeCancelledWithoutEverStarting() {
        LoadTestRun cancelled = queued.cancel(T1);
        assertEquals(RunStatus.CANCELLED, cancelled.status());
        assertEquals(Optional.empty(), cancelled.startedAt());
        assertEquals(Optional.of(T1), cancelled.finishedAt());
    }

    @Test
    void aFinishedRunRefusesEveryFurtherTransition() {
        LoadTestRun done = queued.start(T1).complete("{}", T2);
        assertThrows(IllegalStateException.class, () -> done.cancel(T2));
        assertThrows(IllegalStateException.class, () -> done.start(T2));
        assertThrows(IllegalStateException.class, () -> done.fail("late", T2));
        assertThrows(IllegalStateException.class, () -> done.interrupt(Optional.empty(), T2));
        assertThrows(IllegalStateException.class, () -> done.measured("{}"));
    }

    @Test
    void aQueuedRunCannotCompleteWithoutRunning() {
        assertThrows(IllegalStateException.class, () -> queued.complete("{}", T1));
    }

    @Test
    void refusesARunThatEndsBeforeItStarted() {
        LoadTestRun running = queued.start(T2);
        assertThrows(IllegalArgumentException.class, () -> running.complete("{}", T1));
    }

    @Test
    void refusesAnIdThatIsNotLtAndHex() {
        assertThrows(IllegalArgumentException.class, () -> new LoadTestRun("run_1", RunStatus.QUEUED, PLAN, T0,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void refusesABlankPlan() {
        assertThrows(IllegalArgumentException.class, () -> LoadTestRun.queue(" ", T0, new Random(1)));
    }
}
