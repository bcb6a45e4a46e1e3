package dev.llmworkbench.domain.batch;

import dev.llmworkbench.domain.InvalidRequestException;
import java.util.Arrays;
import java.util.Optional;

/** The endpoints a batch may send its lines to: those of OpenAI's batch endpoints that this server serves. */
public enum BatchEndpoint {
    CHAT_COMPLETIONS("/v1/chat/completions"),
    COMPLETIONS("/v1/completions"),
    EMBEDDINGS("/v1/embeddings"),
    RESPONSES("/v1/responses");

    private final String path;

    BatchEndpoint(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static Optional<BatchEndpoint> fromPath(String path) {
        return Arrays.stream(values()).filter(e -> e.path.equals(path)).findFirst();
    }

    /** The endpoint {@code path} names, or a 400 naming {@code param}. */
    public static BatchEndpoint parse(String param, String path) {
        return fromPath(path).orElseThrow(() -> new InvalidRequestException(param, "invalid_value",
                "Invalid value for '" + param + "': '" + path + "'. Supported values are: "
                        + String.join(", ", Arrays.stream(values()).map(e -> "'" + e.path + "'").toList()) + "."));
    }
}
