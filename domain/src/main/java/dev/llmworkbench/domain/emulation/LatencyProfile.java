package dev.llmworkbench.domain.emulation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Realism beyond fixed timing. Prefill adds a cost per prompt token to the time to first token.
 * Load scales every delay by {@code 1 + (loadFactor - 1) * (inFlight - 1) / (concurrency - 1)}:
 * 1 for a lone request, {@code loadFactor} at {@code concurrency} requests in flight, growing on
 * linearly past it (llm-d-inference-sim's time-factor-under-load, without its queue cap).
 */
public record LatencyProfile(Duration prefillPerToken, double loadFactor, int concurrency) {
    public static final LatencyProfile NONE = new LatencyProfile(Duration.ZERO, 1.0, 1);

    public LatencyProfile {
        Objects.requireNonNull(prefillPerToken, "prefillPerToken");
        if (prefillPerToken.isNegative()) {
            throw new IllegalArgumentException("prefillPerToken < 0");
        }
        if (!(loadFactor >= 1.0) || Double.isInfinite(loadFactor)) {
            throw new IllegalArgumentException("loadFactor must be a finite number >= 1, got " + loadFactor);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency < 1");
        }
    }

    public double loadMultiplier(int inFlight) {
        if (inFlight <= 1) {
            return 1.0;
        }
        return 1.0 + (loadFactor - 1.0) * (inFlight - 1) / Math.max(1, concurrency - 1);
    }

    /**
     * The first part whose addition takes a request's total delay (time to first token, plus
     * prefill, plus every inter-token gap of its {@code steps} steps, times the load multiplier)
     * past {@code max}, or empty when the whole delay fits. Summed in floating point, so no
     * header value can overflow it.
     */
    public Optional<DelayPart> firstPartPast(Duration max, TokenTiming timing, int promptTokens, int steps, int inFlight) {
        double limit = max.toNanos();
        double total = timing.ttft().toNanos();
        if (total > limit) {
            return Optional.of(DelayPart.TIME_TO_FIRST_TOKEN);
        }
        total += (double) prefillPerToken.toNanos() * promptTokens;
        if (total > limit) {
            return Optional.of(DelayPart.PREFILL);
        }
        total += (double) timing.itl().toNanos() * Math.max(0, steps - 1);
        if (total > limit) {
            return Optional.of(DelayPart.INTER_TOKEN);
        }
        return total * loadMultiplier(inFlight) > limit ? Optional.of(DelayPart.LOAD) : Optional.empty();
    }

    /**
     * The schedule of a request that arrives as the {@code inFlight}-th concurrent one; its total
     * delay must have been checked with {@link #firstPartPast} first.
     */
    public EmissionSchedule schedule(TokenTiming timing, int promptTokens, int inFlight) {
        double multiplier = loadMultiplier(inFlight);
        double prefillNanos = (double) prefillPerToken.toNanos() * promptTokens;
        long firstNanos = Math.round((timing.ttft().toNanos() + prefillNanos) * multiplier);
        long gapNanos = Math.round(timing.itl().toNanos() * multiplier);
        return new EmissionSchedule(firstNanos, gapNanos);
    }
}
