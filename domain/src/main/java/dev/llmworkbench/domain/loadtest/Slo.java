package dev.llmworkbench.domain.loadtest;

import dev.llmworkbench.domain.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The service-level objectives a request must meet to count as goodput ({@code slo.ttft_ms},
 * {@code slo.itl_ms}, {@code slo.latency_ms}); an absent one is not checked.
 */
public record Slo(Optional<Duration> ttft, Optional<Duration> itl, Optional<Duration> latency) {
    public Slo {
        Objects.requireNonNull(ttft, "ttft");
        Objects.requireNonNull(itl, "itl");
        Objects.requireNonNull(latency, "latency");
    }

    public static Slo none() {
        return new Slo(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** From the request's milliseconds, each null when not given. */
    public static Slo ofMillis(Double ttftMs, Double itlMs, Double latencyMs) {
        return new Slo(threshold(ttftMs, "slo.ttft_ms"), threshold(itlMs, "slo.itl_ms"), threshold(latencyMs, "slo.latency_ms"));
    }

    public boolean isEmpty() {
        return ttft.isEmpty() && itl.isEmpty() && latency.isEmpty();
    }

    private static Optional<Duration> threshold(Double millis, String field) {
        if (millis == null) {
            return Optional.empty();
        }
        // An hour is far beyond any request; it keeps the nanoseconds of a mistyped value in range.
        if (!(millis > 0) || millis > 3_600_000) {
            throw new InvalidRequestException(field, field + " must be a number of milliseconds above 0 and at most 3600000, got " + millis + ".");
        }
        return Optional.of(Duration.ofNanos(Math.round(millis * 1_000_000)));
    }
}
