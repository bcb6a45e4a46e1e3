package dev.llmworkbench.application.shutdown;

import dev.llmworkbench.application.batch.BatchRunner;
import dev.llmworkbench.application.loadtest.LoadTestQueue;
import java.time.Duration;

/**
 * The part of a stop that ends work in flight, in an order where each step still has what it needs: running load
 * tests are stopped first and stored interrupted with what they measured (their own requests would otherwise keep
 * the streams below busy); batches stop taking lines while their lines in flight, and the open streams, get the
 * grace period to finish (streams still open then end with an error event). Running it again finds nothing left.
 */
public final class DrainForStop {
    /** What the drain did, for the operator's log line. */
    public record Summary(boolean loadTestsStored, int streamsEndedEarly) {
    }

    private final LoadTestQueue loadTests;
    private final BatchRunner batches;
    private final OpenStreams streams;
    private final Duration grace;

    public DrainForStop(LoadTestQueue loadTests, BatchRunner batches, OpenStreams streams, Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace < 0: " + grace);
        }
        this.loadTests = loadTests;
        this.batches = batches;
        this.streams = streams;
        this.grace = grace;
    }

    public synchronized Summary drain() throws InterruptedException {
        loadTests.close();
        boolean loadTestsStored = loadTests.awaitEnded(grace);
        // The batch runner bounds its own wait by the same grace; both waits overlap.
        Thread batchStop = Thread.ofVirtual().name("batch-stop").start(batches::close);
        int endedEarly = streams.drain(grace);
        batchStop.join();
        return new Summary(loadTestsStored, endedEarly);
    }
}
