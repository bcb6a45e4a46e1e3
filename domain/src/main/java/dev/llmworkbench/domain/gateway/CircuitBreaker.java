package dev.llmworkbench.domain.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One route's circuit breaker. Closed, every call goes through and its outcome is counted; it opens after the policy's
 * failures in a row or its failure ratio over the last calls. Open, no call goes through until the policy's delay has
 * passed; then it is half-open and lets exactly one trial call through, whose success closes it (counts reset) and
 * whose failure opens it again. Time is passed in, so the transitions are tested without waiting. Thread-safe: the
 * gateway's requests run on many virtual threads at once, and each call holds the lock only to count.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final CircuitPolicy policy;
    private final boolean[] recent;
    private int recorded;
    private int next;
    private int failuresInWindow;
    private int failuresInARow;
    private State state = State.CLOSED;
    private Instant openedAt = Instant.MIN;
    private boolean trialOut;

    public CircuitBreaker(CircuitPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.recent = new boolean[policy.window()];
    }

    /** Whether a call may go through now; every call let through must end in {@link #succeeded} or {@link #failed}. */
    public synchronized boolean tryCall(Instant now) {
        return switch (state(now)) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialOut) {
                    yield false;
                }
                trialOut = true;
                yield true;
            }
        };
    }

    public synchronized void succeeded(Instant now) {
        if (state(now) == State.HALF_OPEN) {
            close();
            return;
        }
        failuresInARow = 0;
        remember(false);
    }

    public synchronized void failed(Instant now) {
        State current = state(now);
        if (current == State.HALF_OPEN) {
            open(now);
            return;
        }
        if (current == State.OPEN) {
            return;
        }
        failuresInARow++;
        remember(true);
        boolean windowFull = recorded == recent.length;
        if (failuresInARow >= policy.consecutiveFailures()
                || windowFull && failuresInWindow >= Math.ceil(policy.failureRatio() * recent.length)) {
            open(now);
        }
    }

    /** The state at {@code now}: an open circuit whose delay has passed is half-open. */
    public synchronized State state(Instant now) {
        if (state == State.OPEN && !now.isBefore(openedAt.plus(policy.openFor()))) {
            state = State.HALF_OPEN;
            trialOut = false;
        }
        return state;
    }

    /** How long an open circuit stays open from {@code now}; zero when it is not open. */
    public synchronized Duration openFor(Instant now) {
        return state(now) == State.OPEN ? Duration.between(now, openedAt.plus(policy.openFor())) : Duration.ZERO;
    }

    private void remember(boolean failure) {
        if (recorded == recent.length && recent[next]) {
            failuresInWindow--;
        }
        recent[next] = failure;
        if (failure) {
            failuresInWindow++;
        }
        next = (next + 1) % recent.length;
        recorded = Math.min(recorded + 1, recent.length);
    }

    private void open(Instant now) {
        state = State.OPEN;
        openedAt = now;
        trialOut = false;
    }

    private void close() {
        state = State.CLOSED;
        trialOut = false;
        failuresInARow = 0;
        failuresInWindow = 0;
        recorded = 0;
        next = 0;
        Arrays.fill(recent, false);
    }
}
