package dev.llmworkbench.application.shutdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpenStreamsTest {
    private final OpenStreams streams = new OpenStreams();

    @Test
    void aStreamThatEndsWithinTheGraceIsNotEndedEarly() throws Exception {
        AtomicInteger endedEarly = new AtomicInteger();
        OpenStreams.Registration open = streams.open(endedEarly::incrementAndGet);
        Thread.ofVirtual().start(() -> {
            sleep(Duration.ofMillis(100));
            open.close();
        });

        assertEquals(0, streams.drain(Duration.ofSeconds(5)));
        assertEquals(0, endedEarly.get());
        assertEquals(0, streams.count());
    }

    @Test
    void aStreamStillOpenAfterTheGraceIsEndedEarlyOnceAndTheDrainWaitsForItToClose() throws Exception {
        AtomicInteger endedEarly = new AtomicInteger();
        OpenStreams.Registration[] open = new OpenStreams.Registration[1];
        open[0] = streams.open(() -> {
            endedEarly.incrementAndGet();
            Thread.ofVirtual().start(() -> {
                sleep(Duration.ofMillis(50));
                open[0].close();
            });
        });

        long started = System.nanoTime();
        assertEquals(1, streams.drain(Duration.ofSeconds(1)));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(1, endedEarly.get());
        assertEquals(0, streams.count());
        // the grace, then the 50 ms the stream takes to close; not the second grace a stream that never closes gets
        // (a wide margin: a loaded machine may be slow to wake the drain)
        assertTrue(tookMillis >= 1_000 && tookMillis < 1_900, "took " + tookMillis + " ms");
    }

    @Test
    void aStreamThatIgnoresItsEarlyEndHoldsTheDrainForTwiceTheGraceAtMost() throws Exception {
        streams.open(() -> { });

        long started = System.nanoTime();
        assertEquals(1, streams.drain(Duration.ofMillis(100)));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(1, streams.count());
        assertTrue(tookMillis >= 200 && tookMillis < 1_000, "took " + tookMillis + " ms");
    }

    @Test
    void twoStreamsWithTheSameEndingAreTwoStreams() {
        Runnable same = () -> { };
        OpenStreams.Registration first = streams.open(same);
        streams.open(same);
        first.close();
        first.close();

        assertEquals(1, streams.count());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
