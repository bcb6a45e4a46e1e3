package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.Emulation;
import dev.llmworkbench.application.emulation.port.EmulatorMetrics;
import dev.llmworkbench.application.shutdown.OpenStreams;
import dev.llmworkbench.domain.emulation.FailurePlan;
import java.io.IOException;
import java.util.List;

/**
 * One stream's progress. Each step runs on its own virtual thread at its due instant, sends its
 * events, and only then schedules the next, so a stream's events never reorder or overlap. A server stop that
 * finds it still open past the grace period has it end with an error event, in the same sequence of steps.
 */
final class SseStream implements Runnable {
    private final Emitter emitter;
    private final EventSink sink;
    private final Emulation emulation;
    private final StreamFormat format;
    private final EmulatorMetrics metrics;
    private final int steps;
    private final int cutAfter;
    private int step;
    private boolean ended;
    private volatile boolean endEarly;
    private OpenStreams.Registration registration;

    SseStream(Emitter emitter, EventSink sink, Emulation emulation, StreamFormat format, EmulatorMetrics metrics) {
        this.emitter = emitter;
        this.sink = sink;
        this.emulation = emulation;
        this.format = format;
        this.metrics = metrics;
        // A response with no tokens still sends its preamble and ending at TTFT.
        this.steps = Math.max(1, emulation.steps());
        this.cutAfter = emulation.failure() instanceof FailurePlan.CutAfter(int tokens) ? tokens : -1;
    }

    void start(OpenStreams open) {
        metrics.streamOpened();
        registration = open.open(() -> {
            endEarly = true;
            emitter.at(System.nanoTime(), this);
        });
        emitter.at(emulation.dueNanoTime(0), this);
    }

    @Override
    public synchronized void run() {
        if (ended) {
            return;
        }
        try {
            if (endEarly) {
                sink.send(List.of(format.shutdownError()), format.namedEvents());
                end();
                return;
            }
            if (sink.isClosed()) {
                end();
                return;
            }
            if (step == cutAfter) {
                end();
                return;
            }
            long now = System.nanoTime();
            sink.send(format.step(step), format.namedEvents());
            emulation.stepSent(StreamFormat.tokens(emulation, step), now);
            step++;
            if (step < steps) {
                emitter.at(emulation.dueNanoTime(step), this);
                return;
            }
            List<String> ending = new java.util.ArrayList<>(format.ending());
            if (format.endsWithDone()) {
                ending.add("[DONE]");
            }
            sink.send(ending, format.namedEvents());
            end();
        } catch (IOException | RuntimeException clientGone) {
            end();
        }
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        registration.close();
        emulation.finish();
        metrics.streamClosed();
        sink.close();
    }
}
