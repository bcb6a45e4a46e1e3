package dev.llmworkbench.loadgen;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs a {@link ConcurrentShape}: one virtual thread per user, started on the spawn schedule. A user's first
 * request is planned for its start, each later one for the moment the previous answered, so lateness shows
 * the generator's own delay. At the end of the duration every user is interrupted: requests still in flight
 * are abandoned, not recorded, so the figures cover exactly the duration.
 */
public final class ConcurrentDriver {

    private final HttpChat chat;
    private final RunClock clock;

    public ConcurrentDriver(HttpChat chat, RunClock clock) {
        this.chat = Objects.requireNonNull(chat, "chat");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs until the shape's duration has passed and returns how long it measured. */
    public Duration run(ConcurrentShape shape, Supplier<ChatCall> calls, Measurements measurements)
            throws InterruptedException {
        long startNanos = System.nanoTime();
        long endNanos = startNanos + shape.duration().toNanos();
        AtomicInteger active = new AtomicInteger();
        ExecutorService users = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (int user = 0; user < shape.users(); user++) {
                long dueNanos = startNanos + shape.startOffsetNanos(user);
                if (dueNanos >= endNanos) {
                    break;
                }
                sleepUntil(dueNanos);
                users.submit(() -> user(dueNanos, endNanos, calls, measurements, active));
            }
            sleepUntil(endNanos);
        } finally {
            users.shutdownNow();
            // Interrupted users return at once; the bound only guards against a stuck client.
            users.awaitTermination(chat.requestTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        }
        return Duration.ofNanos(endNanos - startNanos);
    }

    private void user(long firstDueNanos, long endNanos, Supplier<ChatCall> calls, Measurements measurements,
            AtomicInteger active) {
        measurements.activeUsers(clock.at(System.nanoTime()), active.incrementAndGet());
        try {
            long dueNanos = firstDueNanos;
            while (System.nanoTime() < endNanos) {
                RequestSample sample = chat.send(calls.get(), dueNanos);
                dueNanos = System.nanoTime();
                if (dueNanos > endNanos) {
                    break;
                }
                measurements.record(sample);
                measurements.activeUsers(clock.at(dueNanos), active.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            active.decrementAndGet();
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long remaining = nanos - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
    }
}
