package dev.llmworkbench.rest.loadtest;

import dev.llmworkbench.application.loadtest.GetLoadTest;
import dev.llmworkbench.application.shutdown.OpenStreams;
import dev.llmworkbench.rest.ErrorBody;
import dev.llmworkbench.domain.loadtest.LoadTestRun;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.CompletionException;

/**
 * One client's event stream of a run: {@code event: snapshot} with the run as stored, once a second while it is
 * queued or running, then {@code event: done} with the run as it ended, and the stream ends. A client that leaves
 * ends it at the next send. A server stop stores its runs interrupted first, so the stream ends with {@code done};
 * one still open past the grace period ends with {@code event: error}.
 */
final class RunEvents implements Runnable {
    static final long PERIOD_MILLIS = 1_000;

    private final GetLoadTest getLoadTest;
    private final String id;
    private final SseEventSink sink;
    private final Sse sse;
    private final OpenStreams openStreams;

    RunEvents(GetLoadTest getLoadTest, String id, SseEventSink sink, Sse sse, OpenStreams openStreams) {
        this.getLoadTest = getLoadTest;
        this.id = id;
        this.sink = sink;
        this.sse = sse;
        this.openStreams = openStreams;
    }

    @Override
    public void run() {
        Thread self = Thread.currentThread();
        try (sink; OpenStreams.Registration open = openStreams.open(self::interrupt)) {
            stream();
        } catch (CompletionException | IllegalStateException clientGone) {
            // the client closed the stream; nothing is left to tell it
        }
    }

    private void stream() {
        try {
            while (!sink.isClosed()) {
                LoadTestRun run = getLoadTest.get(id);
                boolean done = run.status().isTerminal();
                send(done ? "done" : "snapshot", RunJson.run(run));
                if (done) {
                    return;
                }
                Thread.sleep(PERIOD_MILLIS);
            }
        } catch (InterruptedException stopping) {
            send("error", ErrorBody.shutdownJson());
        }
    }

    private void send(String name, String json) {
        sink.send(sse.newEventBuilder().name(name).data(String.class, json).build())
                .toCompletableFuture().join();
    }
}
