package dev.llmworkbench.application.loadtest.port;

import dev.llmworkbench.domain.loadtest.LoadTestRun;
import java.time.Instant;
import java.util.Optional;

/** Every load-test run, kept across restarts. Assumes nothing about how: a SQLite file or a MongoDB database. */
public interface LoadTestRuns {
    /** Keeps a run not seen before; an id already kept is an {@link IllegalArgumentException}. */
    void add(LoadTestRun run);

    /**
     * Replaces {@code current} by {@code next} (the same run, moved on), unless the stored run is no longer
     * {@code current}'s status: so a cancel and the run's own completion racing each other cannot both win.
     *
     * @return whether {@code next} was kept
     */
    boolean update(LoadTestRun current, LoadTestRun next);

    Optional<LoadTestRun> find(String id);

    /** Runs newest first (by creation, then id), the page after {@code request.after()} when it names one. */
    RunPage list(PageRequest request);

    /**
     * Marks every queued or running run interrupted at {@code now}, keeping what it had measured: called once at
     * start-up, when no run of this process has begun, so each such run was cut by the last shutdown.
     *
     * @return how many runs were interrupted
     */
    int interruptUnfinished(Instant now);
}
