package dev.llmworkbench.loadgen;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands the result so far to the run's snapshot consumer once a second, on a thread of its own so that a slow
 * consumer (a store write) never delays a send. Each tick also notes the active users, so a second in which no
 * request started or ended still shows them. Closing it waits for a tick under way: none comes after the run.
 */
final class Snapshots implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Snapshots.class.getName());

    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("load-snapshots").factory());

    Snapshots(RunState state, GeneratorHealth health, Consumer<String> snapshot) {
        ticker.scheduleAtFixedRate(() -> tick(state, health, snapshot), 1, 1, TimeUnit.SECONDS);
    }

    private static void tick(RunState state, GeneratorHealth health, Consumer<String> snapshot) {
        state.noteActive();
        try {
            snapshot.accept(ResultJson.render(state, health, System.nanoTime()));
        } catch (RuntimeException e) {
            // A snapshot is progress, not the result: losing one must not end the run or stop the next.
            LOG.log(Level.WARNING, "event=load_snapshot_failed error=" + e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdown();
        ticker.awaitTermination(1, TimeUnit.MINUTES);
    }
}
