package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.rest.ApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

/**
 * What the caller hears when the upstream gave no answer, in OpenAI's error shape: a route that cannot be reached
 * (refused, unknown host) or answers what is not HTTP is a 502, one too slow to answer a 504, one at its
 * {@code max-concurrency} or with its circuit open a 503. The message names the route, never its URL or key.
 */
final class UpstreamFault {
    private UpstreamFault() {
    }

    static ApiException of(String route, IOException failure) {
        return switch (failure) {
            case HttpTimeoutException timeout -> new ApiException(504, "server_error",
                    "The upstream route '" + route + "' did not answer in time.", null, "upstream_timeout");
            case ConnectException unreachable -> new ApiException(502, "server_error",
                    "The upstream route '" + route + "' could not be reached.", null, "upstream_unreachable");
            default -> new ApiException(502, "server_error",
                    "The upstream route '" + route + "' sent a malformed answer.", null, "upstream_bad_response");
        };
    }

    static ApiException busy(String route) {
        return new ApiException(503, "server_error",
                "The upstream route '" + route + "' has as many requests open as it may; try again shortly.", null, "upstream_busy");
    }

    /** A route whose circuit is open is not called until its delay has passed. */
    static ApiException circuitOpen(String route) {
        return new ApiException(503, "server_error", "The upstream route '" + route + "' failed repeatedly and is not called for "
                + "now; try again after the Retry-After seconds.", null, "upstream_circuit_open");
    }

    /** Why a route whose own 5xx or 429 answer was not passed on gave way to the next one (the log says it). */
    static ApiException answered(String route, int status) {
        return new ApiException(status, "server_error", "The upstream route '" + route + "' answered " + status + ".", null,
                "upstream_status_" + status);
    }

    /** The event that ends a stream the upstream cut, so the caller's SDK raises an error instead of a short answer. */
    static String cutEvent(String route) {
        return "data: {\"error\":{\"message\":\"The upstream route '" + route + "' ended the stream before it was complete.\","
                + "\"type\":\"server_error\",\"param\":null,\"code\":\"upstream_stream_cut\"}}\n\n";
    }
}
