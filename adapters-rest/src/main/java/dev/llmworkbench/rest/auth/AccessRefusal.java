package dev.llmworkbench.rest.auth;

import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.ErrorBody;
import dev.llmworkbench.rest.JsonOut;
import dev.llmworkbench.rest.JsonResponse;
import dev.llmworkbench.rest.RetryLaterException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * The access filter's 401 and 429, in the shape the path answers every error in: OpenAI's everywhere, FastAPI's
 * {@code {"detail"}} on {@code /process-payload/}, the task runner's {@code {"status":"error","error"}} on
 * {@code /run-task/}. The presented key is never part of the answer.
 */
final class AccessRefusal {
    private AccessRefusal() {
    }

    static ApiException unauthorized(boolean keyGiven) {
        // OpenAI's wording, less the key it quotes back (masked) and its dashboard link.
        String message = keyGiven ? "Incorrect API key provided. Use a key this server was configured with."
                : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth "
                + "(i.e. Authorization: Bearer YOUR_KEY), or in the api-key header.";
        return new ApiException(401, "invalid_request_error", message, null, "invalid_api_key");
    }

    static RetryLaterException tooMany(long perMinute, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new RetryLaterException(429, "requests", "Rate limit reached on requests per min (RPM): Limit " + perMinute
                + ". Please try again in " + seconds + "s.", "rate_limit_exceeded", seconds);
    }

    static void write(HttpServletResponse response, String path, ApiException refusal) throws IOException {
        if (path.startsWith("/process-payload")) {
            retryAfter(response, refusal);
            JsonResponse.write(response, refusal.status(), new JsonOut(64).begin().field("detail", refusal.getMessage()).end().toString());
        } else if (path.startsWith("/run-task")) {
            retryAfter(response, refusal);
            JsonResponse.write(response, refusal.status(),
                    new JsonOut(64).begin().field("status", "error").field("error", refusal.getMessage()).end().toString());
        } else {
            ErrorBody.write(response, refusal);
        }
    }

    private static void retryAfter(HttpServletResponse response, ApiException refusal) {
        if (refusal instanceof RetryLaterException later) {
            response.setHeader("Retry-After", Long.toString(later.retryAfterSeconds()));
        }
    }
}
