package dev.llmworkbench.rest;

import dev.llmworkbench.application.emulation.WaitingQueueFullException;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.NotFoundException;
import jakarta.json.JsonException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure leaves as OpenAI's error shape. Caller mistakes are 4xx and not logged; anything
 * else is a 500 whose cause is logged once here and never shown to the caller.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        return ErrorBody.response(translate(failure));
    }

    /** The OpenAI error {@code failure} stands for; a failure of ours is logged here, once. */
    public static ApiException translate(Throwable failure) {
        return switch (failure) {
            case ApiException api -> api;
            case InvalidRequestException invalid -> new ApiException(400, "invalid_request_error", invalid.getMessage(), invalid.param(), invalid.code());
            case NotFoundException missing -> new ApiException(404, "invalid_request_error", missing.getMessage(), missing.param(), missing.code());
            case WaitingQueueFullException full -> new RetryLaterException(429, "requests", full.getMessage(), "rate_limit_exceeded",
                    full.retryAfterSeconds());
            case JsonException json -> JsonBody.unparsable();
            case WebApplicationException web -> fromStatus(web.getResponse().getStatus());
            default -> {
                LOG.log(Level.SEVERE, "event=unhandled_failure type=" + failure.getClass().getName(), failure);
                yield new ApiException(500, "server_error", "The server had an error while processing your request.", null, null);
            }
        };
    }

    /** The error a bare HTTP status stands for, when the container or JAX-RS decided it without our code. */
    public static ApiException fromStatus(int status) {
        return switch (status) {
            case 400 -> ApiException.invalid(null, "The request could not be understood: its URL, headers or body are malformed.");
            case 404 -> new ApiException(404, "invalid_request_error", "Invalid URL: no such endpoint.", null, "unknown_url");
            case 405 -> new ApiException(405, "invalid_request_error", "Method not allowed for this URL.", null, "method_not_allowed");
            case 406 -> new ApiException(406, "invalid_request_error", "The Accept header asks for a type this endpoint cannot produce.", "Accept", null);
            case 408 -> new ApiException(408, "invalid_request_error", "The request did not arrive in time.", null, "request_timeout");
            case 413 -> new ApiException(413, "invalid_request_error", "Request body too large.", null, "request_too_large");
            case 414 -> new ApiException(414, "invalid_request_error", "The request URL is too long.", null, "uri_too_long");
            case 431 -> new ApiException(431, "invalid_request_error", "Request header fields too large.", null, "headers_too_large");
            case 415 -> new ApiException(415, "invalid_request_error", "Content-Type must be application/json.", "Content-Type", "unsupported_media_type");
            default -> status >= 500
                    ? new ApiException(status, "server_error", "The server had an error while processing your request.", null, null)
                    : new ApiException(status, "invalid_request_error", "The request could not be processed.", null, null);
        };
    }
}
