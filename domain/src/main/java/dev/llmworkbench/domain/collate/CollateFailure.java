package dev.llmworkbench.domain.collate;

import java.util.Objects;

/**
 * Why a collated request got no answer, in OpenAI's error vocabulary: the HTTP status the caller receives, the
 * error's {@code type} and {@code code}, and a message for a person.
 */
public record CollateFailure(int status, String type, String code, String message) {
    public CollateFailure {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a failure's status is 4xx or 5xx: " + status);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** The upstream batch ended {@code status} ({@code failed}, {@code expired}, {@code cancelled}) without this request's answer. */
    public static CollateFailure batchEnded(String batchId, String status) {
        return new CollateFailure(502, "server_error", "batch_" + status,
                "The upstream batch " + batchId + " ended " + status + " before this request was answered.");
    }

    /** The upstream refused or could not take the window's file or batch. */
    public static CollateFailure notSubmitted(String why) {
        return new CollateFailure(502, "server_error", "batch_not_created", "The upstream batch could not be created: " + why);
    }
}
