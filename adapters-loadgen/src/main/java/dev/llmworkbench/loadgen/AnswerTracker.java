package dev.llmworkbench.loadgen;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Follows one 200 answer as its bytes arrive. A streamed answer goes through an {@link SseParser}; every event is
 * stamped with the arrival time of the network read that completed it, so TTFT is the moment the first content
 * token arrived, not when the body ended. A whole (non-streamed) answer is collected and read at its end, which is
 * also when its first token is known. Used by one response's listener thread at a time.
 */
final class AnswerTracker {

    private final AnswerFormat format;
    private final long sentNanos;
    private final SseParser parser = new SseParser(this::event);
    private final StringBuilder text = new StringBuilder();
    private final List<Duration> gaps = new ArrayList<>();
    private byte[] whole = new byte[0];
    private int wholeLength;
    private long arrivedNanos;
    private long firstTokenNanos = -1;
    private long lastTokenNanos;
    private Optional<Usage> usage = Optional.empty();
    private boolean done;
    private boolean bad;

    AnswerTracker(AnswerFormat format, long sentNanos) {
        this.format = format;
        this.sentNanos = sentNanos;
    }

    void arrived(ByteBuffer buffer, long nanos) {
        arrivedNanos = nanos;
        if (format.streamed()) {
            parser.feed(buffer);
        } else {
            collect(buffer);
        }
    }

    Answer ended(long nanos) {
        if (!format.streamed()) {
            readWhole(nanos);
        }
        Optional<ErrorClass> error = bad ? Optional.of(new ErrorClass.BadBody())
                : format.streamed() && !done ? Optional.of(new ErrorClass.StreamCut())
                : Optional.empty();
        Optional<Duration> ttft = firstTokenNanos < 0 ? Optional.empty()
                : Optional.of(Duration.ofNanos(firstTokenNanos - sentNanos));
        return new Answer(ttft, gaps, Duration.ofNanos(nanos - sentNanos), text.toString(), usage, error);
    }

    private void event(SseEvent event) {
        if (done || bad) {
            return;
        }
        Optional<AnswerFormat.Part> part = format.event(event);
        if (part.isEmpty()) {
            bad = true;
            return;
        }
        add(part.get(), arrivedNanos);
    }

    private void readWhole(long nanos) {
        Optional<AnswerFormat.Part> part = format.whole(new String(whole, 0, wholeLength, StandardCharsets.UTF_8));
        if (part.isEmpty()) {
            bad = true;
            return;
        }
        add(part.get(), nanos);
    }

    private void add(AnswerFormat.Part part, long nanos) {
        part.usage().ifPresent(u -> usage = Optional.of(u));
        token(part.content(), nanos);
        done = part.last();
    }

    private void token(String content, long nanos) {
        // Role-only first chunks and the usage-only last chunk carry no content: they are not tokens.
        if (content.isEmpty()) {
            return;
        }
        if (firstTokenNanos < 0) {
            firstTokenNanos = nanos;
        } else {
            gaps.add(Duration.ofNanos(nanos - lastTokenNanos));
        }
        lastTokenNanos = nanos;
        text.append(content);
    }

    private void collect(ByteBuffer buffer) {
        int length = buffer.remaining();
        if (wholeLength + length > whole.length) {
            whole = Arrays.copyOf(whole, Math.max(whole.length * 2, wholeLength + length));
        }
        buffer.get(whole, wholeLength, length);
        wholeLength += length;
    }
}
