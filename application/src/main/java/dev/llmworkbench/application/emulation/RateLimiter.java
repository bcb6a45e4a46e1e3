package dev.llmworkbench.application.emulation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key request and token limits per minute, as OpenAI applies them: each limit is a bucket that holds a minute's
 * allowance and refills continuously, so a full minute's burst passes at once and then requests pass at the steady
 * rate. A request is admitted only if both buckets hold enough; a refused one takes nothing.
 * Keys arrive already hashed: the API key itself is never held here.
 */
public final class RateLimiter {
    private static final long MINUTE_NANOS = 60_000_000_000L;
    /** Past this many keys, buckets that have refilled (so hold nothing worth keeping) are forgotten. */
    private static final int MAX_KEYS = 10_000;

    private final Map<String, Buckets> buckets = new ConcurrentHashMap<>();

    /** The state of one limit after a request: its size, what is left, and how long until it is full again. */
    public record Limit(long limit, long remaining, Duration reset) {
    }

    /**
     * The outcome for one request. {@code exceeded} is null when admitted, else "requests" or "tokens", with
     * {@code retryAfter} the wait until that bucket holds enough. A limit that is off is null.
     */
    public record Admission(Limit requests, Limit tokens, String exceeded, Duration retryAfter) {
        public boolean admitted() {
            return exceeded == null;
        }
    }

    public Admission admit(String keyHash, long tokens, long nowNanos, RateLimits limits) {
        if (buckets.size() > MAX_KEYS) {
            buckets.values().removeIf(b -> b.isFull(nowNanos, limits));
        }
        return buckets.computeIfAbsent(keyHash, k -> new Buckets(nowNanos, limits)).admit(tokens, nowNanos, limits);
    }

    private static final class Buckets {
        private double requests;
        private double tokens;
        private long lastNanos;

        Buckets(long nowNanos, RateLimits limits) {
            requests = limits.requestsPerMinute();
            tokens = limits.tokensPerMinute();
            lastNanos = nowNanos;
        }

        synchronized boolean isFull(long nowNanos, RateLimits limits) {
            refill(nowNanos, limits);
            return requests >= limits.requestsPerMinute() && tokens >= limits.tokensPerMinute();
        }

        synchronized Admission admit(long cost, long nowNanos, RateLimits limits) {
            refill(nowNanos, limits);
            long rpm = limits.requestsPerMinute();
            long tpm = limits.tokensPerMinute();
            String exceeded = null;
            Duration retryAfter = Duration.ZERO;
            if (rpm > 0 && requests < 1) {
                exceeded = "requests";
                retryAfter = until(1 - requests, rpm);
            } else if (tpm > 0 && tokens < cost) {
                exceeded = "tokens";
                retryAfter = until(Math.min(cost, tpm) - tokens, tpm);
            } else {
                requests -= rpm > 0 ? 1 : 0;
                tokens -= tpm > 0 ? cost : 0;
            }
            return new Admission(limit(requests, rpm), limit(tokens, tpm), exceeded, retryAfter);
        }

        /** A limit changed while the server runs takes effect at once: a bucket never holds more than its new size. */
        private void refill(long nowNanos, RateLimits limits) {
            double elapsed = Math.max(0, nowNanos - lastNanos);
            lastNanos = Math.max(lastNanos, nowNanos);
            requests = Math.min(limits.requestsPerMinute(), requests + elapsed * limits.requestsPerMinute() / MINUTE_NANOS);
            tokens = Math.min(limits.tokensPerMinute(), tokens + elapsed * limits.tokensPerMinute() / MINUTE_NANOS);
        }

        private static Limit limit(double level, long perMinute) {
            return perMinute == 0 ? null : new Limit(perMinute, (long) Math.floor(level), until(perMinute - level, perMinute));
        }

        private static Duration until(double missing, long perMinute) {
            return Duration.ofNanos((long) Math.ceil(Math.max(0, missing) * MINUTE_NANOS / perMinute));
        }
    }
}
