package dev.llmworkbench.application.shutdown;

import dev.llmworkbench.application.batch.BatchRunner;
import dev.llmworkbench.application.gateway.CompletionRecorder;
import dev.llmworkbench.application.loadtest.LoadTestQueue;
import java.time.Duration;

/**
 * A server stop that loses nothing it can keep, in an order where each step still has what it needs: running load
 * tests are stopped first and stored interrupted with what they measured (their own requests would otherwise keep
 * the streams below busy); batches stop taking lines while their lines in flight, and the open streams, get the
 * grace period to finish (streams still open then end with an error event); the completion log's queue is written
 * last, once the streams whose rows it records have ended. The store is still open throughout: it closes after this.
 */
public final class ShutDownGracefully {
    /** What the stop did, for the operator's log line. */
    public record Summary(boolean loadTestsStored, int streamsEndedEarly, long completionRowsDropped) {
    }

    private final LoadTestQueue loadTests;
    private final BatchRunner batches;
    private final OpenStreams streams;
    private final CompletionRecorder recorder;
    private final Duration grace;

    public ShutDownGracefully(LoadTestQueue loadTests, BatchRunner batches, OpenStreams streams, CompletionRecorder recorder,
                              Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace < 0: " + grace);
        }
        this.loadTests = loadTests;
        this.batches = batches;
        this.streams = streams;
        this.recorder = recorder;
        this.grace = grace;
    }

    public Summary shutDown() throws InterruptedException {
        loadTests.close();
        boolean loadTestsStored = loadTests.awaitEnded(grace);
        // The batch runner bounds its own wait by the same grace; both waits overlap.
        Thread batchStop = Thread.ofVirtual().name("batch-stop").start(batches::close);
        int endedEarly = streams.drain(grace);
        batchStop.join();
        recorder.close();
        return new Summary(loadTestsStored, endedEarly, recorder.dropped());
    }
}
