package dev.llmworkbench.rest;

import dev.llmworkbench.domain.emulation.FailKind;
import dev.llmworkbench.domain.emulation.FailurePlan;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/** OpenAI's error shape: {@code {"error":{"message","type","param","code"}}}. */
public final class ErrorBody {
    private ErrorBody() {
    }

    /** What a stream the server stops before it is complete ends with (an error event: OpenAI sends mid-stream failures so). */
    public static final String SHUTDOWN_MESSAGE = "The server is shutting down; the stream ended before it was complete.";
    public static final String SHUTDOWN_CODE = "server_shutting_down";

    public static String shutdownJson() {
        return json(SHUTDOWN_MESSAGE, "server_error", null, SHUTDOWN_CODE);
    }

    public static String json(String message, String type, String param, String code) {
        return new JsonOut(128 + message.length()).begin()
                .object("error")
                .field("message", message)
                .field("type", type)
                .field("param", param)
                .field("code", code)
                .end().end().toString();
    }

    public static Response response(ApiException e) {
        return Response.status(e.status())
                .header("Retry-After", e instanceof RetryLaterException later ? later.retryAfterSeconds() : null)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(json(e.getMessage(), e.type(), e.param(), e.code()))
                .build();
    }

    /** Writes {@code failure} to a servlet response not yet committed, as {@link ErrorMapper} does for JAX-RS. */
    public static void write(HttpServletResponse response, Throwable failure) throws IOException {
        ApiException e = ErrorMapper.translate(failure);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        if (e instanceof RetryLaterException later) {
            response.setHeader("Retry-After", Long.toString(later.retryAfterSeconds()));
        }
        JsonResponse.write(response, e.status(), json(e.getMessage(), e.type(), e.param(), e.code()));
    }

    /** An injected failure: a named kind as OpenAI answers it, else by its status alone. */
    public static ApiException forFailure(FailurePlan.Reject reject) {
        return reject.kind().map(ErrorBody::forKind).orElseGet(() -> forStatus(reject.status()));
    }

    private static ApiException forKind(FailKind kind) {
        return kind == FailKind.RATE_LIMIT
                ? new RetryLaterException(kind.status(), kind.type(), kind.message(), kind.code(), FailKind.RETRY_AFTER_SECONDS)
                : new ApiException(kind.status(), kind.type(), kind.message(), null, kind.code());
    }

    /** The type OpenAI gives an injected or real failure of each status. */
    public static ApiException forStatus(int status) {
        return switch (status) {
            case 401 -> new ApiException(401, "invalid_request_error", "Incorrect API key provided.", null, "invalid_api_key");
            case 403 -> new ApiException(403, "invalid_request_error", "You are not allowed to sample from this model.", null, null);
            case 404 -> new ApiException(404, "invalid_request_error", "The requested resource was not found.", null, null);
            case 429 -> new ApiException(429, "requests", "Rate limit reached for requests. Please try again later.", null, "rate_limit_exceeded");
            case 503 -> new ApiException(503, "server_error", "The server is overloaded or not ready yet.", null, null);
            default -> status >= 500
                    ? new ApiException(status, "server_error", "The server had an error while processing your request. Sorry about that!", null, null)
                    : new ApiException(status, "invalid_request_error", "The request was rejected (injected failure).", null, null);
        };
    }
}
