package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.rest.emulation.EmulatorServlet;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A stream's usage for the log when its caller did not ask for it. OpenAI sends a chat or text completion stream's
 * usage only with {@code stream_options.include_usage}, as one extra chunk before {@code data: [DONE]} whose
 * {@code choices} is empty; the gateway asks for it and takes that chunk out of what the caller gets, one whole event
 * at a time. (The other chunks then carry {@code "usage": null}, which OpenAI's clients read as no usage.)
 */
final class UsageChunks {
    /** An event longer than this is passed on as it is, so a broken upstream cannot make the gateway hold its stream. */
    static final int MAX_EVENT_BYTES = 1 << 20;
    // Looked up once: Json.createObjectBuilder searches for its provider on every call (see AnswerTally).
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Pattern EMPTY_CHOICES = Pattern.compile("\"choices\"\\s*:\\s*\\[\\s*]");
    private static final Pattern USAGE = Pattern.compile("\"usage\"\\s*:\\s*\\{");

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean passing;

    /**
     * The body to send upstream with the usage asked for, when the request is a chat or text completion stream that did
     * not ask itself; empty when the caller's body goes as it is.
     */
    static Optional<byte[]> asked(String path, JsonObject json) {
        boolean completions = path.equals(EmulatorServlet.CHAT) || path.equals(EmulatorServlet.COMPLETIONS);
        if (!completions || json.get("stream") != JsonValue.TRUE) {
            return Optional.empty();
        }
        JsonValue options = json.get("stream_options");
        if (options instanceof JsonObject given && given.get("include_usage") == JsonValue.TRUE) {
            return Optional.empty();
        }
        // Anything else in stream_options is the caller's to get wrong: the upstream answers it as it would have.
        if (options != null && options != JsonValue.NULL && !(options instanceof JsonObject)) {
            return Optional.empty();
        }
        JsonObject streamOptions = JSON.createObjectBuilder(options instanceof JsonObject given ? given : JsonValue.EMPTY_JSON_OBJECT)
                .add("include_usage", true).build();
        return Optional.of(JSON.createObjectBuilder(json).add("stream_options", streamOptions).build().toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The part of these upstream bytes to pass on now: every whole event but the usage chunk. */
    byte[] pass(byte[] bytes, int length) {
        if (passing) {
            return Arrays.copyOf(bytes, length);
        }
        pending.write(bytes, 0, length);
        byte[] all = pending.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(all.length);
        int start = 0;
        for (int end = eventEnd(all, start); end > 0; end = eventEnd(all, start)) {
            if (!isUsageChunk(new String(all, start, end - start, StandardCharsets.UTF_8))) {
                out.write(all, start, end - start);
            }
            start = end;
        }
        pending.reset();
        if (all.length - start > MAX_EVENT_BYTES) {
            passing = true;
            out.write(all, start, all.length - start);
        } else {
            pending.write(all, start, all.length - start);
        }
        return out.toByteArray();
    }

    /** Whatever is left when the upstream ends: an event without its blank line is passed on as it came. */
    byte[] rest() {
        byte[] rest = pending.toByteArray();
        pending.reset();
        return rest;
    }

    /** The index after the blank line that ends the event starting at {@code from}, or -1 when it has not ended. */
    private static int eventEnd(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
                return i + 2;
            }
            if (bytes[i] == '\n' && bytes[i + 1] == '\r' && i + 2 < bytes.length && bytes[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    private static boolean isUsageChunk(String event) {
        return USAGE.matcher(event).find() && EMPTY_CHOICES.matcher(event).find();
    }
}
