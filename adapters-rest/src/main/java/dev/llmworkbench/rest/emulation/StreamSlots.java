package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.Emulation;
import dev.llmworkbench.rest.RetryLaterException;
import java.util.concurrent.Semaphore;

/**
 * {@code workbench.limits.max-streams}: the emulator's streamed answers open at once. A stream holds no thread, but each
 * holds its response's buffers and a timer entry per token until it ends; past the limit a request gets OpenAI's 429
 * with {@code Retry-After} and its emulation is dropped before a byte is sent.
 */
public final class StreamSlots {
    public static final String KEY = "workbench.limits.max-streams";

    private final int maxStreams;
    private final Semaphore slots;

    public StreamSlots(int maxStreams) {
        if (maxStreams < 1) {
            throw new IllegalArgumentException(KEY + " must be at least 1, was " + maxStreams);
        }
        this.maxStreams = maxStreams;
        this.slots = new Semaphore(maxStreams);
    }

    /** Takes a slot until {@code emulation} finishes, however it ends. */
    void admit(Emulation emulation) {
        if (!slots.tryAcquire()) {
            emulation.finish();
            throw new RetryLaterException(429, "requests", "Too many streams open at once: the limit is " + maxStreams
                    + " (" + KEY + "). Please try again shortly.", "rate_limit_exceeded", 1);
        }
        emulation.whenFinished(slots::release);
    }

    int open() {
        return maxStreams - slots.availablePermits();
    }
}
