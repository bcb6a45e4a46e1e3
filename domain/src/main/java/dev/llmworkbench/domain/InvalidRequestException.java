package dev.llmworkbench.domain;

/**
 * A request the caller can fix: answered as 400 {@code invalid_request_error} with {@code param}
 * naming the offending field (a JSON path such as {@code messages[0].content} or a header name).
 */
public class InvalidRequestException extends RuntimeException {
    private final String param;

    public InvalidRequestException(String param, String message) {
        super(message);
        this.param = param;
    }

    public String param() {
        return param;
    }
}
