package dev.llmworkbench.domain.batch;

import java.util.Objects;

/**
 * What became of one line, as its line of the output or error file says: a response (whatever its status: a 2xx
 * goes to the output file, any other to the error file, as OpenAI sorts them) or no response and an error.
 */
public sealed interface LineAnswer {
    int line();

    String customId();

    /** @param body the response body as JSON text */
    record Response(int line, String customId, int statusCode, String requestId, String body, BatchUsage usage)
            implements LineAnswer {
        public Response {
            Objects.requireNonNull(customId, "customId");
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(usage, "usage");
            if (statusCode < 100 || statusCode > 599) {
                throw new IllegalArgumentException("not an HTTP status: " + statusCode);
            }
        }

        public boolean succeeded() {
            return statusCode >= 200 && statusCode < 300;
        }
    }

    /** No response: the batch expired or was cancelled first, or the call never got an answer. */
    record NoResponse(int line, String customId, String code, String message) implements LineAnswer {
        public NoResponse {
            Objects.requireNonNull(customId, "customId");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    default boolean succeeded() {
        return this instanceof Response response && response.succeeded();
    }

    /** The tokens the line used; none when it got no response. */
    default BatchUsage tokens() {
        return this instanceof Response response ? response.usage() : BatchUsage.NONE;
    }
}
