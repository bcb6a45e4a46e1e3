package dev.llmworkbench.loadgen;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one request measured. {@code lateness} is how long after its planned instant it was sent, the generator's
 * own health; {@code ttft} is absent when no content token arrived; {@code interTokenGaps} are the gaps between
 * successive content tokens as they arrived (tokens arriving in one network read have a gap of zero).
 * {@code tokensFromUsage} says whether both token counts are the server's {@code usage} or were counted here.
 * {@code status} is the HTTP status, 0 when no answer came.
 */
public record RequestSample(Instant scheduledAt, Instant sentAt, Duration lateness, Optional<Duration> ttft,
        List<Duration> interTokenGaps, Duration latency, int inputTokens, int outputTokens, boolean tokensFromUsage,
        int status, Optional<ErrorClass> error) {

    public RequestSample {
        Objects.requireNonNull(scheduledAt, "scheduledAt");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(ttft, "ttft");
        Objects.requireNonNull(error, "error");
        interTokenGaps = List.copyOf(interTokenGaps);
        requireNotNegative(lateness, "lateness");
        requireNotNegative(latency, "latency");
        ttft.ifPresent(t -> requireNotNegative(t, "ttft"));
        if (ttft.isPresent() && ttft.get().compareTo(latency) > 0) {
            throw new IllegalArgumentException("ttft after the end of the request");
        }
        interTokenGaps.forEach(gap -> requireNotNegative(gap, "inter-token gap"));
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token count < 0");
        }
        if (status != 0 && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        if (error.isEmpty() && status != 200) {
            throw new IllegalArgumentException("a request without error must have status 200, not " + status);
        }
    }

    public boolean succeeded() {
        return error.isEmpty();
    }

    /** Time per output token after the first, as vLLM and guidellm define TPOT; absent below two tokens. */
    public Optional<Duration> timePerOutputToken() {
        if (ttft.isEmpty() || outputTokens < 2) {
            return Optional.empty();
        }
        return Optional.of(latency.minus(ttft.get()).dividedBy(outputTokens - 1));
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " < 0");
        }
    }
}
