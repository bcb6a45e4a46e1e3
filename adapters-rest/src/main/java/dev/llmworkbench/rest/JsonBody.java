package dev.llmworkbench.rest;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request's JSON object body: the content type must be JSON (or absent), the body no
 * larger than the configured limit, and the text one JSON object. Each rule fails with the 4xx
 * OpenAI gives for it.
 */
public final class JsonBody {
    // One factory for the application: JsonProvider.provider() runs a ServiceLoader lookup per call,
    // which cost a quarter of a request's CPU when done per request (JFR, docs/BENCHMARKS.md).
    private static final JsonReaderFactory READERS = JsonProvider.provider().createReaderFactory(Map.of());

    private JsonBody() {
    }

    public static JsonObject read(String contentType, long declaredLength, InputStream in, long maxBytes) throws IOException {
        requireJson(contentType);
        if (declaredLength > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(bytes))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiException.invalid(null, "The request body must be a JSON object.");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw unparsable();
        }
    }

    static ApiException unparsable() {
        return ApiException.invalid(null, "We could not parse the JSON body of your request. "
                + "(HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)");
    }

    /** Absent is accepted, as OpenAI does; otherwise application/json, a +json type, or a wildcard. */
    private static void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        String essence = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        int slash = essence.indexOf('/');
        String type = slash < 0 ? essence : essence.substring(0, slash);
        String subtype = slash < 0 ? "" : essence.substring(slash + 1);
        boolean json = (type.equals("application") || type.equals("*"))
                && (subtype.equals("json") || subtype.equals("*") || subtype.endsWith("+json"));
        if (!json) {
            throw new ApiException(415, "invalid_request_error",
                    "Unsupported Content-Type '" + ApiException.excerpt(contentType, 80) + "': send the body as application/json.", "Content-Type", "unsupported_media_type");
        }
    }

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "invalid_request_error",
                "Request body too large: the limit is " + maxBytes + " bytes.", null, "request_too_large");
    }
}
