package dev.llmworkbench.domain;

/**
 * A request the caller can fix: answered as 400 {@code invalid_request_error} with {@code param}
 * naming the offending field (a JSON path such as {@code messages[0].content} or a header name),
 * and OpenAI's {@code code} where OpenAI gives one (such as {@code context_length_exceeded}).
 */
public class InvalidRequestException extends RuntimeException {
    private final String param;
    private final String code;

    public InvalidRequestException(String param, String message) {
        this(param, null, message);
    }

    public InvalidRequestException(String param, String code, String message) {
        super(message);
        this.param = param;
        this.code = code;
    }

    public String param() {
        return param;
    }

    /** OpenAI's error code, or null when OpenAI gives none. */
    public String code() {
        return code;
    }
}
