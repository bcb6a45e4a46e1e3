package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.Emulation;
import dev.llmworkbench.application.emulation.port.EmulatorMetrics;
import dev.llmworkbench.application.shutdown.OpenStreams;
import dev.llmworkbench.domain.emulation.FailurePlan;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Delivers emulated responses on time without holding a thread while they wait. One platform
 * timer thread keeps every due instant; when one comes, the write runs on a fresh virtual thread,
 * so a slow client blocks only its own write and never the timer.
 */
@ApplicationScoped
public class Emitter {
    private final ScheduledThreadPoolExecutor timer = timer();
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();

    @Inject
    EmulatorMetrics metrics;

    @Inject
    OpenStreams openStreams;

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("emulator-timer").daemon(true).factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Runs {@code task} on a virtual thread at {@code nanoTime} (at once if that has passed). */
    void at(long nanoTime, Runnable task) {
        long delay = nanoTime - System.nanoTime();
        if (delay <= 0) {
            writers.execute(task);
        } else {
            timer.schedule(() -> writers.execute(task), delay, TimeUnit.NANOSECONDS);
        }
    }

    /** Whether a non-streamed response is due already: then it is answered on the request thread, unsuspended. */
    static boolean isDueNow(Emulation emulation) {
        return emulation.failure() instanceof FailurePlan.Reject || emulation.completeNanoTime() - System.nanoTime() <= 0;
    }

    /** A streamed response: each step's events at its due instant, then the ending and {@code [DONE]}. */
    void stream(EventSink sink, Emulation emulation, StreamFormat format) {
        new SseStream(this, sink, emulation, format, metrics).start(openStreams);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        writers.shutdownNow();
    }

}
