package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonBodyFilter;
import dev.llmworkbench.rest.JsonFields;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;

/** What {@link JsonBodyFilter} left on the request: its parsed body and arrival instant. */
final class RequestContext {
    private RequestContext() {
    }

    static JsonFields body(HttpServletRequest request) {
        if (!(request.getAttribute(JsonBodyFilter.BODY) instanceof JsonObject body)) {
            throw new ApiException(415, "invalid_request_error", "Content-Type must be application/json.", "Content-Type", "unsupported_media_type");
        }
        return JsonFields.of(body);
    }

    /** Locators answer every method, so the method is checked here: only POST reaches an emulation. */
    static void requirePost(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            throw new ApiException(405, "invalid_request_error", "Method " + request.getMethod() + " is not allowed for this URL; use POST.", null, "method_not_allowed");
        }
    }

    static boolean isStream(HttpServletRequest request) {
        return request.getAttribute(JsonBodyFilter.BODY) instanceof JsonObject body && body.get("stream") == jakarta.json.JsonValue.TRUE;
    }

    static long arrival(HttpServletRequest request) {
        return request.getAttribute(JsonBodyFilter.ARRIVAL) instanceof Long nanos ? nanos : System.nanoTime();
    }
}
