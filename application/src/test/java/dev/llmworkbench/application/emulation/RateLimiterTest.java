package dev.llmworkbench.application.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private final RateLimiter limiter = new RateLimiter();

    @Test
    void aMinutesRequestsPassAtOnceAndTheNextWaitsForOneToRefill() {
        RateLimits limits = new RateLimits(3, 0);
        for (int left = 2; left >= 0; left--) {
            RateLimiter.Admission admission = limiter.admit("key", 10, 0, limits);
            assertTrue(admission.admitted());
            assertEquals(new RateLimiter.Limit(3, left, Duration.ofSeconds(20L * (3 - left))), admission.requests());
            assertNull(admission.tokens());
        }
        RateLimiter.Admission refused = limiter.admit("key", 10, 0, limits);
        assertEquals("requests", refused.exceeded());
        assertEquals(Duration.ofSeconds(20), refused.retryAfter());
        assertTrue(limiter.admit("key", 10, 20 * SECOND, limits).admitted());
    }

    @Test
    void tokensAreChargedAndARequestTooLargeForWhatIsLeftWaits() {
        RateLimits limits = new RateLimits(0, 600);
        assertEquals(100, limiter.admit("key", 500, 0, limits).tokens().remaining());
        RateLimiter.Admission refused = limiter.admit("key", 200, 0, limits);
        assertEquals("tokens", refused.exceeded());
        // 100 tokens missing at 600 per minute: 10 s
        assertEquals(Duration.ofSeconds(10), refused.retryAfter());
        assertEquals(100, refused.tokens().remaining());
    }

    @Test
    void eachKeyHasItsOwnLimit() {
        RateLimits limits = new RateLimits(1, 0);
        assertTrue(limiter.admit("a", 1, 0, limits).admitted());
        assertFalse(limiter.admit("a", 1, 0, limits).admitted());
        assertTrue(limiter.admit("b", 1, 0, limits).admitted());
    }
}
