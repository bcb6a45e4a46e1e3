package dev.llmworkbench.rest;

import dev.llmworkbench.application.emulation.WaitingQueueFullException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/** OpenAI's error shape: {@code {"error":{"message","type","param","code"}}}. */
public final class ErrorBody {
    private ErrorBody() {
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
        if (failure instanceof WaitingQueueFullException full) {
            response.setHeader("Retry-After", String.valueOf(full.retryAfterSeconds()));
        }
        JsonResponse.write(response, e.status(), json(e.getMessage(), e.type(), e.param(), e.code()));
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
