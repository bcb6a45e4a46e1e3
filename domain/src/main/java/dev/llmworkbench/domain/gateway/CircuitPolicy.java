package dev.llmworkbench.domain.gateway;

import java.time.Duration;

/**
 * When a route's circuit opens and for how long: after {@code consecutiveFailures} failures in a row, or once at least
 * {@code failureRatio} of the last {@code window} calls failed; it then stays open for {@code openFor} before one trial
 * call may test the upstream again.
 */
public record CircuitPolicy(int consecutiveFailures, double failureRatio, int window, Duration openFor) {
    /** The defaults the README documents: 5 in a row, or half of the last 20, open for 30 s. */
    public static final CircuitPolicy DEFAULT = new CircuitPolicy(5, 0.5, 20, Duration.ofSeconds(30));

    public CircuitPolicy {
        if (consecutiveFailures < 1) {
            throw new IllegalArgumentException("consecutive failures must be at least 1");
        }
        if (!(failureRatio > 0 && failureRatio <= 1)) {
            throw new IllegalArgumentException("failure ratio must lie in (0, 1]");
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1 call");
        }
        if (openFor == null || openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("open-for must be positive");
        }
    }
}
