package dev.llmworkbench.application.shutdown;

import dev.llmworkbench.application.gateway.CompletionRecorder;

/**
 * A server stop that loses nothing it can keep: work in flight drained ({@link DrainForStop}), then the completion
 * log's queue written, once the streams whose rows it records have ended. The store is still open throughout: it
 * closes after this.
 */
public final class ShutDownGracefully {
    /** What the stop did, for the operator's log line. */
    public record Summary(DrainForStop.Summary drained, long completionRowsDropped) {
    }

    private final DrainForStop drain;
    private final CompletionRecorder recorder;

    public ShutDownGracefully(DrainForStop drain, CompletionRecorder recorder) {
        this.drain = drain;
        this.recorder = recorder;
    }

    public Summary shutDown() throws InterruptedException {
        DrainForStop.Summary drained = drain.drain();
        recorder.close();
        return new Summary(drained, recorder.dropped());
    }
}
