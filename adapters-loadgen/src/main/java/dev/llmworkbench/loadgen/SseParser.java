package dev.llmworkbench.loadgen;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Parses a {@code text/event-stream} incrementally, as the WHATWG HTML spec's "event stream interpretation"
 * says: bytes go in as they arrive, in chunks cut anywhere (inside a line, a CRLF or a UTF-8 character),
 * and each event goes out as soon as its blank line arrives, so the caller can stamp it on arrival.
 * Lines are kept as bytes and decoded once whole, which is what makes a split UTF-8 character harmless.
 * Not thread-safe: one parser per response.
 */
public final class SseParser {

    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final String DEFAULT_TYPE = "message";

    private final Consumer<SseEvent> events;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean skipLineFeed;
    private boolean firstLine = true;
    private String type = DEFAULT_TYPE;
    private String singleData;
    private StringBuilder joinedData;

    public SseParser(Consumer<SseEvent> events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    public void feed(ByteBuffer chunk) {
        while (chunk.hasRemaining()) {
            accept(chunk.get());
        }
    }

    public void feed(byte[] chunk, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, chunk.length);
        for (int i = offset; i < offset + length; i++) {
            accept(chunk[i]);
        }
    }

    private void accept(byte b) {
        if (skipLineFeed) {
            skipLineFeed = false;
            if (b == LF) {
                return;
            }
        }
        if (b == CR) {
            // A CR ends the line; an LF right after it (perhaps in the next chunk) belongs to the same end.
            skipLineFeed = true;
            endLine();
        } else if (b == LF) {
            endLine();
        } else {
            if (lineLength == line.length) {
                line = Arrays.copyOf(line, lineLength * 2);
            }
            line[lineLength++] = b;
        }
    }

    private void endLine() {
        int start = 0;
        if (firstLine) {
            firstLine = false;
            // The spec lets a stream begin with one UTF-8 byte order mark, which is not part of the first field.
            if (lineLength >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
                start = 3;
            }
        }
        int length = lineLength - start;
        lineLength = 0;
        if (length == 0) {
            dispatch();
        } else if (line[start] != ':') {
            field(start, length);
        }
    }

    private void field(int start, int length) {
        int colon = indexOf((byte) ':', start, start + length);
        int nameEnd = colon < 0 ? start + length : colon;
        int valueStart = colon < 0 ? nameEnd : colon + 1;
        if (valueStart < start + length && line[valueStart] == ' ') {
            valueStart++;
        }
        int valueLength = start + length - valueStart;
        if (named("data", start, nameEnd)) {
            appendData(new String(line, valueStart, valueLength, StandardCharsets.UTF_8));
        } else if (named("event", start, nameEnd)) {
            type = new String(line, valueStart, valueLength, StandardCharsets.UTF_8);
        }
        // id and retry steer reconnection, which a load generator never does; unknown fields are ignored by the spec.
    }

    private void appendData(String value) {
        if (singleData == null) {
            singleData = value;
        } else {
            if (joinedData == null) {
                joinedData = new StringBuilder(singleData.length() + value.length() + 1).append(singleData);
            }
            joinedData.append('\n').append(value);
        }
    }

    private void dispatch() {
        if (singleData != null) {
            String data = joinedData == null ? singleData : joinedData.toString();
            events.accept(new SseEvent(type.isEmpty() ? DEFAULT_TYPE : type, data));
        }
        // The spec resets the type even when no data came, so an event: line alone is dropped.
        type = DEFAULT_TYPE;
        singleData = null;
        joinedData = null;
    }

    private int indexOf(byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private boolean named(String name, int from, int to) {
        if (to - from != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (line[from + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
