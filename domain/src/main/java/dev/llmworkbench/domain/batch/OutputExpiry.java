package dev.llmworkbench.domain.batch;

import dev.llmworkbench.domain.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code output_expires_after}: the output and error files expire this long after they are created (the only
 * anchor OpenAI has, {@code created_at}), between one hour and thirty days.
 */
public record OutputExpiry(Duration after) {
    public static final long MIN_SECONDS = 3_600;
    public static final long MAX_SECONDS = 2_592_000;

    public OutputExpiry {
        Objects.requireNonNull(after, "after");
        if (after.toSeconds() < MIN_SECONDS || after.toSeconds() > MAX_SECONDS) {
            throw new IllegalArgumentException("output expiry out of range: " + after);
        }
    }

    public static OutputExpiry parse(String anchor, long seconds) {
        if (!"created_at".equals(anchor)) {
            throw new InvalidRequestException("output_expires_after.anchor", "invalid_value",
                    "Invalid value for 'output_expires_after.anchor': '" + anchor + "'. Supported values are: 'created_at'.");
        }
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw new InvalidRequestException("output_expires_after.seconds", "invalid_value",
                    "'output_expires_after.seconds' must be between " + MIN_SECONDS + " and " + MAX_SECONDS + ", got " + seconds + ".");
        }
        return new OutputExpiry(Duration.ofSeconds(seconds));
    }

    public Instant from(Instant createdAt) {
        return createdAt.plus(after);
    }
}
