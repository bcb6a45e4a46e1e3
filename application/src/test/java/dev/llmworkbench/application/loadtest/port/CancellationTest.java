package dev.llmworkbench.application.loadtest.port;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CancellationTest {

    @Test
    void aDeadlineThatPassesWithoutACancelAnswersTrue() throws InterruptedException {
        Cancellation cancel = new Cancellation();
        assertTrue(cancel.awaitUntil(System.nanoTime() + Duration.ofMillis(20).toNanos()));
        assertFalse(cancel.isCancelled());
    }

    @Test
    void aCancelWakesAWaiterLongBeforeItsDeadline() throws InterruptedException {
        Cancellation cancel = new Cancellation();
        try (ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor()) {
            timer.schedule(cancel::cancel, 50, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            assertFalse(cancel.awaitUntil(start + Duration.ofMinutes(1).toNanos()));
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos(), "woke on the cancel, not the deadline");
        }
        assertTrue(cancel.isCancelled());
    }

    @Test
    void aCancelledRunAnswersFalseEvenForAPastDeadline() throws InterruptedException {
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        assertFalse(cancel.awaitUntil(System.nanoTime() - 1));
    }
}
