package dev.llmworkbench.application.emulation;

import java.util.concurrent.atomic.AtomicInteger;

/** Requests the emulator is serving right now; the load model scales latency by it. */
public final class InFlight {
    private final AtomicInteger count = new AtomicInteger();

    /** @return the number in flight including the one that enters */
    int enter() {
        return count.incrementAndGet();
    }

    void leave() {
        count.decrementAndGet();
    }

    public int current() {
        return count.get();
    }
}
