package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.application.gateway.CompletionRecorder;
import dev.llmworkbench.domain.gateway.Route;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Records what the built-in emulator answers while the gateway is on, as a forwarded answer is recorded: the
 * response is wrapped before the emulator gets it, every byte it writes is read by an {@link AnswerTally} on its
 * way out, and the row is handed to the recorder when the exchange completes. The gateway wraps every response it
 * takes, since the exchange is suspended before the route is known; one it forwards is never {@link #start}ed and
 * passes its stream through untouched. With no routes configured the gateway, and this, are not in the path at all.
 */
final class EmulatorRecording extends HttpServletResponseWrapper implements AsyncListener {
    private static final Logger LOG = Logger.getLogger(EmulatorRecording.class.getName());

    private final CompletionRecorder recorder;
    private volatile Exchange exchange;
    private AnswerTally tally;
    private volatile long firstByteNanos = -1;
    private ServletOutputStream tee;
    private boolean unreadable;

    EmulatorRecording(HttpServletResponse response, CompletionRecorder recorder) {
        super(response);
        this.recorder = recorder;
    }

    /** From now on the answer is the emulator's, and is recorded when {@code exchange} completes. */
    void start(Exchange exchange) {
        this.tally = new AnswerTally(exchange.stream());
        this.exchange = exchange;
        exchange.async().addListener(this);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        ServletOutputStream out = super.getOutputStream();
        if (exchange == null) {
            return out;
        }
        if (tee == null) {
            tee = new Tee(out);
        }
        return tee;
    }

    // The emulator writes from its timer or emitter threads, and the container completes on its own. Recording
    // never fails an answer: what cannot be read or recorded is logged and left out.
    private synchronized void read(byte[] bytes, int length) {
        if (unreadable) {
            return;
        }
        try {
            tally.accept(bytes, length);
        } catch (RuntimeException failure) {
            unreadable = true;
            LOG.warning(() -> "event=emulator_answer_unreadable type=" + failure.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void onComplete(AsyncEvent event) {
        Exchange taken = exchange;
        try {
            tally.end();
            int status = getStatus();
            Optional<String> error = status >= 400 ? Optional.of("emulator answered " + status)
                    : taken.stream() && !tally.finished() ? Optional.of("the stream ended before it was complete")
                    : Optional.empty();
            long latency = taken.nanosSinceArrival();
            recorder.record(taken.row(Route.EMULATOR, tally, Math.min(firstByteNanos, latency), latency, status, error));
        } catch (RuntimeException failure) {
            LOG.warning(() -> "event=emulator_answer_not_recorded type=" + failure.getClass().getSimpleName());
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // the exchange has no container timeout (RequestBodies sets none)
    }

    @Override
    public void onError(AsyncEvent event) {
        // completion follows an error, and records the row
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // started once, by RequestBodies
    }

    /** The emulator's writes, passed on at once and read on their way. */
    private final class Tee extends ServletOutputStream {
        private final ServletOutputStream out;

        Tee(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            if (firstByteNanos < 0) {
                firstByteNanos = exchange.nanosSinceArrival();
            }
            read(offset == 0 ? bytes : Arrays.copyOfRange(bytes, offset, offset + length), length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
