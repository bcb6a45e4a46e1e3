package dev.llmworkbench.domain.emulation;

import java.util.Locale;
import java.util.Optional;

/**
 * The failures OpenAI's error-code guide names, as a client meets them: each with the status, error type and code
 * OpenAI answers it with. Injected by {@code X-FAIL-KIND}, they let a client's handling of each be tested.
 */
public enum FailKind {
    /** "429 - Rate limit reached for requests": pace your requests; sent with Retry-After. */
    RATE_LIMIT(429, "requests", "rate_limit_exceeded", "Rate limit reached for requests. Please try again in 1s."),
    /** "401 - Incorrect API key provided". */
    INVALID_API_KEY(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided."),
    /** The 400 a prompt past the model's context window gets. */
    CONTEXT_LENGTH_EXCEEDED(400, "invalid_request_error", "context_length_exceeded",
            "This model's maximum context length was exceeded. Please reduce the length of the messages or completion."),
    /** "500 - The server had an error while processing your request". */
    SERVER_ERROR(500, "server_error", null, "The server had an error while processing your request. Sorry about that!"),
    /** "503 - The server is overloaded or not ready yet" (type service_unavailable_error, code server_is_overloaded). */
    OVERLOADED(503, "service_unavailable_error", "server_is_overloaded", "The server is overloaded or not ready yet.");

    /** Seconds a client is told to wait after an injected rate limit. */
    public static final int RETRY_AFTER_SECONDS = 1;

    private final int status;
    private final String type;
    private final String code;
    private final String message;

    FailKind(int status, String type, String code, String message) {
        this.status = status;
        this.type = type;
        this.code = code;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** OpenAI's {@code code}, or null where OpenAI sends none. */
    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** The name as headers and settings spell it: {@code rate_limit}, {@code invalid_api_key}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FailKind> fromWireName(String name) {
        for (FailKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The accepted names, for error messages. */
    public static String wireNames() {
        StringBuilder names = new StringBuilder();
        for (FailKind kind : values()) {
            names.append(names.isEmpty() ? "" : ", ").append(kind.wireName());
        }
        return names.toString();
    }
}
