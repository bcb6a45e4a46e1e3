package dev.llmworkbench.application.shutdown;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every response stream of this process that is still sending (the emulator's and the gateway's chat streams, the
 * load tests' event streams), so a shutdown can let them finish and end those that do not in time. A stream opens
 * itself here with the way to end it early (an error event, then the end of the response) and closes its
 * registration when it ends, however it ends.
 */
public final class OpenStreams {
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    /** An open stream's place here; closing it twice is harmless. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private final Set<Runnable> open = ConcurrentHashMap.newKeySet();

    /**
     * @param endEarly ends the stream with an error event; called at most once, from a thread of the shutdown, so it
     *                 must hand the work to the stream's own sequence of writes rather than write concurrently
     */
    public Registration open(Runnable endEarly) {
        Runnable entry = new Once(endEarly);
        open.add(entry);
        return () -> open.remove(entry);
    }

    public int count() {
        return open.size();
    }

    /**
     * Waits up to {@code grace} for the open streams to end, then ends the rest early and waits up to {@code grace}
     * again for them to close.
     *
     * @return how many streams had to be ended early
     */
    public int drain(Duration grace) throws InterruptedException {
        awaitNone(System.nanoTime() + grace.toNanos());
        List<Runnable> late = List.copyOf(open);
        late.forEach(Runnable::run);
        awaitNone(System.nanoTime() + grace.toNanos());
        return late.size();
    }

    private void awaitNone(long deadlineNanos) throws InterruptedException {
        while (!open.isEmpty() && deadlineNanos - System.nanoTime() > 0) {
            Thread.sleep(Duration.ofNanos(Math.min(POLL_NANOS, deadlineNanos - System.nanoTime())));
        }
    }

    /** Identity, not the callback's equality, tells two streams apart; and an early end runs once. */
    private static final class Once implements Runnable {
        private final Runnable endEarly;
        private boolean ran;

        Once(Runnable endEarly) {
            this.endEarly = endEarly;
        }

        @Override
        public synchronized void run() {
            if (!ran) {
                ran = true;
                endEarly.run();
            }
        }
    }
}
