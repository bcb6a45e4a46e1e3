package dev.llmworkbench.domain.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.gateway.CircuitBreaker.State;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    /** 3 in a row, or 4 of the last 8, open for 10 s. */
    private static final CircuitPolicy POLICY = new CircuitPolicy(3, 0.5, 8, Duration.ofSeconds(10));

    private static void calls(CircuitBreaker breaker, String outcomes) {
        for (char outcome : outcomes.toCharArray()) {
            assertTrue(breaker.tryCall(T0), "a closed circuit lets every call through");
            if (outcome == 'x') {
                breaker.failed(T0);
            } else {
                breaker.succeeded(T0);
            }
        }
    }

    @Test
    void opensAfterTheFailuresInARowAndThenRefusesEveryCall() {
        CircuitBreaker breaker = new CircuitBreaker(POLICY);
        calls(breaker, "xx");
        assertEquals(State.CLOSED, breaker.state(T0));
        calls(breaker, "x");
        assertEquals(State.OPEN, breaker.state(T0));
        assertFalse(breaker.tryCall(T0.plusSeconds(9)));
        assertEquals(Duration.ofSeconds(1), breaker.openFor(T0.plusSeconds(9)));
    }

    @Test
    void aSuccessBreaksARunOfFailures() {
        CircuitBreaker breaker = new CircuitBreaker(POLICY);
        calls(breaker, "xxoxx");
        assertEquals(State.CLOSED, breaker.state(T0));
    }

    @Test
    void opensOnceTheFailureRatioOfAFullWindowIsReachedAndNotBefore() {
        CircuitBreaker breaker = new CircuitBreaker(POLICY);
        calls(breaker, "xoxoxo");
        assertEquals(State.CLOSED, breaker.state(T0), "3 of 6: the window of 8 is not full yet");
        calls(breaker, "o");
        assertEquals(State.CLOSED, breaker.state(T0));
        calls(breaker, "x");
        assertEquals(State.OPEN, breaker.state(T0), "4 of the last 8 failed");
    }

    @Test
    void theWindowForgetsItsOldestCalls() {
        CircuitBreaker breaker = new CircuitBreaker(POLICY);
        calls(breaker, "xxoxoooo");
        assertEquals(State.CLOSED, breaker.state(T0), "3 of 8");
        calls(breaker, "ox");
        assertEquals(State.CLOSED, breaker.state(T0), "the first two failures left the window: 2 of the last 8");
    }

    @Test
    void afterItsDelayOneTrialCallGoesThroughAndItsSuccessClosesTheCircuit() {
        CircuitBreaker breaker = new CircuitBreaker(POLICY);
        calls(breaker, "xxx");
        Instant later = T0.plusSeconds(10);
        assertEquals(State.HALF_OPEN, breaker.state(later));
        assertTrue(breaker.tryCall(later));
        assertFalse(breaker.tryCall(later), "one trial at a time");
        breaker.succeeded(later);
        assertEquals(State.CLOSED, breaker.state(later));
        breaker.failed(later);
        breaker.failed(later);
        assertEquals(State.CLOSED, breaker.state(later), "the counts started again");
    }

    @Test
    void aFailedTrialOpensTheCircuitForAnotherDelay() {
        CircuitBreaker breaker = new CircuitBreaker(POLICY);
        calls(breaker, "xxx");
        Instant later = T0.plusSeconds(12);
        assertTrue(breaker.tryCall(later));
        breaker.failed(later);
        assertEquals(State.OPEN, breaker.state(later.plusSeconds(9)));
        assertEquals(State.HALF_OPEN, breaker.state(later.plusSeconds(10)));
    }

    @Test
    void aPolicyOutsideItsRangesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CircuitPolicy(0, 0.5, 8, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new CircuitPolicy(1, 0, 8, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new CircuitPolicy(1, 1.5, 8, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new CircuitPolicy(1, 0.5, 0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new CircuitPolicy(1, 0.5, 8, Duration.ZERO));
    }
}
