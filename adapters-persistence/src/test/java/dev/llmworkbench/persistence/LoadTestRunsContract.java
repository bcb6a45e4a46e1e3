package dev.llmworkbench.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.application.loadtest.port.LoadTestRuns;
import dev.llmworkbench.application.loadtest.port.PageRequest;
import dev.llmworkbench.application.loadtest.port.RunPage;
import dev.llmworkbench.domain.loadtest.LoadTestRun;
import dev.llmworkbench.domain.loadtest.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LoadTestRuns} adapter must do, written once: each adapter's test extends it with real storage
 * (a SQLite file, a MongoDB database).
 */
public abstract class LoadTestRunsContract {
    private static final String PLAN = "{\"model\":\"codechat\",\"input_lens\":\"128,512\",\"time_\":\"10s\",\"remark\":\"é ✓\"}";
    private static final String RESULT = "{\"overall\":{\"requests\":1200,\"ttft_ms\":{\"p50\":100.4}},\"steps\":[]}";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");

    /** The port over storage that stays until {@link #reopened()}. */
    protected abstract LoadTestRuns runs();

    /** Closes the storage {@link #runs()} used, as a shutdown would, and opens the same storage again. */
    protected abstract LoadTestRuns reopened();

    private static LoadTestRun run(String id, Instant created) {
        return new LoadTestRun(id, RunStatus.QUEUED, PLAN, created, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static String id(int n) {
        return "lt_%024x".formatted(n);
    }

    @Test
    void findsAnAddedRunWithEverythingItHeldToTheNanosecond() {
        LoadTestRun done = run(id(1), T0).start(T0.plusNanos(1)).complete(RESULT, T0.plusSeconds(10));
        runs().add(done);
        assertEquals(Optional.of(done), runs().find(id(1)));
    }

    @Test
    void keepsAFailedRunsReason() {
        LoadTestRun failed = run(id(1), T0).start(T0).fail("connect refused: localhost:1", T0.plusSeconds(1));
        runs().add(failed);
        assertEquals(Optional.of("connect refused: localhost:1"), runs().find(id(1)).orElseThrow().failure());
    }

    @Test
    void findsNothingForAnIdNeverAdded() {
        assertEquals(Optional.empty(), runs().find(id(404)));
    }

    @Test
    void refusesToAddARunWhoseIdIsAlreadyKept() {
        runs().add(run(id(1), T0));
        assertThrows(IllegalArgumentException.class, () -> runs().add(run(id(1), T0.plusSeconds(1))));
        assertEquals(Optional.of(run(id(1), T0)), runs().find(id(1)));
    }

    @Test
    void updateKeepsEachStepOfARun() {
        LoadTestRun queued = run(id(1), T0);
        runs().add(queued);
        LoadTestRun running = queued.start(T0.plusSeconds(1));
        assertTrue(runs().update(queued, running));
        LoadTestRun snapshot = running.measured("{\"overall\":{\"requests\":3}}");
        assertTrue(runs().update(running, snapshot));
        assertEquals(Optional.of(snapshot), runs().find(id(1)));
    }

    @Test
    void ofACancelAndACompletionRacingOnlyTheFirstIsKept() {
        LoadTestRun running = run(id(1), T0).start(T0);
        runs().add(running);
        LoadTestRun cancelled = running.cancel(T0.plusSeconds(2));
        assertTrue(runs().update(running, cancelled));
        assertFalse(runs().update(running, running.complete(RESULT, T0.plusSeconds(3))));
        assertEquals(Optional.of(cancelled), runs().find(id(1)));
    }

    @Test
    void updatingARunNeverAddedKeepsNothing() {
        LoadTestRun queued = run(id(1), T0);
        assertFalse(runs().update(queued, queued.start(T0)));
        assertEquals(Optional.empty(), runs().find(id(1)));
    }

    @Test
    void listsNewestFirstPageByPageWithIdsBreakingTies() {
        // Added out of order; ids 3 and 4 share a creation time, so the larger id comes first.
        runs().add(run(id(2), T0.plusSeconds(2)));
        runs().add(run(id(5), T0.plusSeconds(9)));
        runs().add(run(id(1), T0));
        runs().add(run(id(3), T0.plusSeconds(5)));
        runs().add(run(id(4), T0.plusSeconds(5)));
        List<String> expected = List.of(id(5), id(4), id(3), id(2), id(1));

        List<String> listed = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            RunPage page = runs().list(new PageRequest(after, 2));
            page.runs().forEach(listedRun -> listed.add(listedRun.id()));
            hasMore.add(page.hasMore());
            after = Optional.of(page.runs().getLast().id());
        } while (hasMore.getLast() && hasMore.size() < 10);
        assertEquals(expected, listed);
        assertEquals(List.of(true, true, false), hasMore);
    }

    @Test
    void aPageExactlyAsLongAsWhatIsLeftHasNoMore() {
        runs().add(run(id(1), T0));
        runs().add(run(id(2), T0.plusSeconds(1)));
        RunPage page = runs().list(new PageRequest(Optional.empty(), 2));
        assertEquals(List.of(id(2), id(1)), page.runs().stream().map(LoadTestRun::id).toList());
        assertFalse(page.hasMore());
    }

    @Test
    void aCursorNamingNoRunGivesAnEmptyPage() {
        runs().add(run(id(1), T0));
        assertEquals(new RunPage(List.of(), false), runs().list(new PageRequest(Optional.of(id(404)), 10)));
    }

    @Test
    void runsSurviveARestartAndTheOnesItCutAreInterruptedWithWhatTheyHadMeasured() {
        LoadTestRun queued = run(id(1), T0);
        LoadTestRun running = run(id(2), T0).start(T0.plusSeconds(1)).measured("{\"overall\":{\"requests\":42}}");
        LoadTestRun completed = run(id(3), T0).start(T0.plusSeconds(1)).complete(RESULT, T0.plusSeconds(11));
        List.of(queued, running, completed).forEach(runs()::add);

        LoadTestRuns afterRestart = reopened();
        Instant restartedAt = T0.plusSeconds(60);
        assertEquals(2, afterRestart.interruptUnfinished(restartedAt));

        assertEquals(Optional.of(queued.interrupt(Optional.empty(), restartedAt)), afterRestart.find(id(1)));
        LoadTestRun interrupted = afterRestart.find(id(2)).orElseThrow();
        assertEquals(RunStatus.INTERRUPTED, interrupted.status());
        assertEquals(Optional.of("{\"overall\":{\"requests\":42}}"), interrupted.result());
        assertEquals(Optional.of(restartedAt), interrupted.finishedAt());
        assertEquals(Optional.of(completed), afterRestart.find(id(3)));
        assertEquals(0, afterRestart.interruptUnfinished(restartedAt.plusSeconds(1)));
    }

    @Test
    void aClockSteppedBackAcrossARestartStillEndsARunNoEarlierThanItStarted() {
        Instant started = T0.plusSeconds(30);
        runs().add(run(id(1), T0).start(started));
        runs().interruptUnfinished(T0.plusSeconds(5));
        assertEquals(Optional.of(started), runs().find(id(1)).orElseThrow().finishedAt());
    }
}
