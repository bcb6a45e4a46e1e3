package dev.llmworkbench.rest;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Map;

/**
 * A request's JSON object body: the content type must be JSON (or absent), the body no larger
 * than the configured limit, and the bytes exactly one JSON object, nested at most
 * {@value #MAX_DEPTH} levels, with no number longer than {@value #MAX_NUMBER_CHARS} characters.
 * Each rule fails with the 4xx OpenAI gives for it.
 */
public final class JsonBody {
    /** Far deeper than any OpenAI request, tool schemas included; shallow enough that nothing downstream recurses dangerously. */
    public static final int MAX_DEPTH = 128;
    /** Parsson's own default, stated: longer numbers cost quadratic time to convert. */
    public static final int MAX_NUMBER_CHARS = 1100;

    // One factory for the application: JsonProvider.provider() runs a ServiceLoader lookup per call,
    // which cost a quarter of a request's CPU when done per request (JFR, docs/BENCHMARKS.md).
    // Parsson refuses a depth equal to its maxDepth, hence the + 1.
    private static final JsonParserFactory PARSERS = JsonProvider.provider().createParserFactory(Map.of(
            "org.eclipse.parsson.maxDepth", MAX_DEPTH + 1,
            "org.eclipse.parsson.maxBigDecimalLength", MAX_NUMBER_CHARS));

    private JsonBody() {
    }

    /** What can be judged from the headers alone, before a byte of the body is read. */
    public static void checkHeaders(String contentType, long declaredLength, long maxBytes) {
        requireJson(contentType);
        if (declaredLength > maxBytes) {
            throw tooLarge(maxBytes);
        }
    }

    public static JsonObject parse(byte[] bytes) {
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(bytes))) {
            if (!parser.hasNext()) {
                throw unparsable();
            }
            if (parser.next() != JsonParser.Event.START_OBJECT) {
                throw ApiException.invalid(null, "The request body must be a JSON object.");
            }
            JsonObject object = parser.getObject();
            // A body is one JSON value: "{...}x" or two objects in a row are not JSON, whatever the first one holds.
            if (parser.hasNext()) {
                throw unparsable();
            }
            return object;
        } catch (JsonException notJson) {
            throw unparsable();
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException limit) {
            // Parsson reports its depth and number-length limits as plain RuntimeExceptions; the bytes are the caller's.
            throw ApiException.invalid(null, "The JSON body is nested deeper than " + MAX_DEPTH
                    + " levels or holds a number longer than " + MAX_NUMBER_CHARS + " characters.");
        }
    }

    public static ApiException unparsable() {
        return ApiException.invalid(null, "We could not parse the JSON body of your request. "
                + "(HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)");
    }

    public static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "invalid_request_error",
                "Request body too large: the limit is " + maxBytes + " bytes.", null, "request_too_large");
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
}
