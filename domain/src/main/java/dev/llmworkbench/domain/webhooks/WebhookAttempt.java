package dev.llmworkbench.domain.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One try at a delivery: the receiver's status when it answered, why it did not count (a status other than 2xx, or
 * the connection's failure) when it failed, and how long it took.
 */
public record WebhookAttempt(int attempt, Instant at, OptionalInt statusCode, Optional<String> error, Duration duration) {
    public WebhookAttempt {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(duration, "duration");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + attempt);
        }
        if (statusCode.isEmpty() && error.isEmpty()) {
            throw new IllegalArgumentException("an attempt without an answer has an error");
        }
    }

    public boolean delivered() {
        return statusCode.isPresent() && statusCode.getAsInt() / 100 == 2;
    }
}
