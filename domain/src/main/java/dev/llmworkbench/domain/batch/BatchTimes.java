package dev.llmworkbench.domain.batch;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A batch's timestamps: when it was created and when its window ends, and when it entered each later status
 * ({@code in_progress_at}, {@code finalizing_at}, ... {@code cancelled_at}).
 */
public record BatchTimes(Instant createdAt, Instant expiresAt, Map<BatchStatus, Instant> entered) {
    public BatchTimes {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        entered = entered.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(entered));
        if (entered.containsKey(BatchStatus.VALIDATING)) {
            throw new IllegalArgumentException("a batch is validating from its creation: created_at says when");
        }
    }

    public static BatchTimes startingAt(Instant createdAt, CompletionWindow window) {
        return new BatchTimes(createdAt, createdAt.plus(window.length()), Map.of());
    }

    public Optional<Instant> at(BatchStatus status) {
        return Optional.ofNullable(entered.get(status));
    }

    BatchTimes entering(BatchStatus status, Instant at) {
        Map<BatchStatus, Instant> next = new EnumMap<>(BatchStatus.class);
        next.putAll(entered);
        next.put(status, at);
        return new BatchTimes(createdAt, expiresAt, next);
    }
}
