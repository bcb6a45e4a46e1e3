package dev.llmworkbench.application.batch.port;

import dev.llmworkbench.domain.batch.BatchEndpoint;
import dev.llmworkbench.domain.batch.BatchUsage;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Sends one line's body to its endpoint, through the same route resolution as any request to this server. */
public interface LineCaller {
    /**
     * @param body       the answer's body as JSON text (any text that was not JSON arrives as a JSON string)
     * @param usage      the tokens the body's {@code usage} counts, none when it has no usage
     * @param retryAfter what the answer's {@code Retry-After} asks for, when it has one
     */
    record Reply(int statusCode, String requestId, String body, BatchUsage usage, Optional<Duration> retryAfter) {
        public Reply {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** @throws IOException when no answer came (refused, reset, timed out) */
    Reply call(BatchEndpoint endpoint, String body) throws IOException, InterruptedException;
}
