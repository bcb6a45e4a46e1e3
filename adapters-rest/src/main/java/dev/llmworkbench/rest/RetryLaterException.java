package dev.llmworkbench.rest;

/** An OpenAI error the client may retry after a wait, sent with {@code Retry-After} as OpenAI sends its 429s. */
public class RetryLaterException extends ApiException {
    private final long retryAfterSeconds;

    public RetryLaterException(int status, String type, String message, String code, long retryAfterSeconds) {
        super(status, type, message, null, code);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
