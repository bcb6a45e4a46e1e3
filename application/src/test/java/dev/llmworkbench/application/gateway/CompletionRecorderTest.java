package dev.llmworkbench.application.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.application.gateway.port.CompletionLog;
import dev.llmworkbench.application.gateway.port.CompletionPage;
import dev.llmworkbench.application.gateway.port.CompletionQuery;
import dev.llmworkbench.application.gateway.port.UsageRow;
import dev.llmworkbench.domain.gateway.Completion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CompletionRecorderTest {
    /** Keeps appended batches as they came; {@code gate} holds every append until it opens. */
    private static class Batches implements CompletionLog {
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        final CountDownLatch gate;

        Batches(CountDownLatch gate) {
            this.gate = gate;
        }

        @Override
        public void append(List<Completion> rows) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            batches.add(rows.stream().map(Completion::id).toList());
        }

        List<String> ids() {
            List<String> all = new ArrayList<>();
            batches.forEach(all::addAll);
            return all;
        }

        @Override
        public Optional<Completion> find(String id) {
            return Optional.empty();
        }

        @Override
        public CompletionPage list(CompletionQuery query) {
            return new CompletionPage(List.of(), false);
        }

        @Override
        public List<UsageRow> usage() {
            return List.of();
        }

        @Override
        public int deleteBefore(Instant cutoff) {
            return 0;
        }
    }

    private static Completion row(int n) {
        return new Completion("req_" + n, Optional.empty(), Instant.EPOCH, "gpt-4o", Optional.empty(), "openai",
                "/v1/chat/completions", "[]", Optional.empty(), Completion.TokenCounts.NONE, Optional.empty(), Duration.ZERO,
                false, 200, Optional.empty());
    }

    private static List<String> ids(int from, int to) {
        return IntStream.range(from, to).mapToObj(n -> "req_" + n).toList();
    }

    @Test
    void closingWritesEveryQueuedRowInOrderAndInBatches() {
        CountDownLatch gate = new CountDownLatch(1);
        Batches log = new Batches(gate);
        CompletionRecorder recorder = new CompletionRecorder(log, 1000, 50, Thread.ofPlatform().factory(), e -> { });
        for (int n = 0; n < 500; n++) {
            assertTrue(recorder.record(row(n)));
        }
        gate.countDown();
        recorder.close();
        assertEquals(ids(0, 500), log.ids());
        assertTrue(log.batches.size() <= 11, "500 rows queued behind one append leave in batches of 50, not one by one");
        assertTrue(log.batches.stream().allMatch(b -> b.size() <= 50));
    }

    @Test
    void aFullQueueDropsAndCountsTheRowInsteadOfWaiting() {
        CountDownLatch gate = new CountDownLatch(1);
        Batches log = new Batches(gate);
        CompletionRecorder recorder = new CompletionRecorder(log, 3, 10, Thread.ofPlatform().factory(), e -> { });
        // the writer takes the first row and waits at the gate; three more fill the queue
        recorder.record(row(0));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int n = 1;
        while (recorder.dropped() == 0 && System.nanoTime() < deadline) {
            recorder.record(row(n++));
        }
        assertEquals(1, recorder.dropped());
        gate.countDown();
        recorder.close();
        assertEquals(ids(0, n - 1), log.ids());
    }

    @Test
    void aFailedBatchIsReportedAndLaterRowsAreStillWritten() {
        List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
        Batches log = new Batches(new CountDownLatch(0)) {
            @Override
            public void append(List<Completion> rows) {
                if (rows.getFirst().id().equals("req_0")) {
                    throw new IllegalStateException("disk full");
                }
                super.append(rows);
            }
        };
        CompletionRecorder recorder = new CompletionRecorder(log, 10, 1, Thread.ofPlatform().factory(), failures::add);
        recorder.record(row(0));
        recorder.record(row(1));
        recorder.close();
        assertEquals(List.of("req_1"), log.ids());
        assertEquals("disk full", failures.getFirst().getMessage());
    }

    @Test
    void aClosedRecorderTakesNoMoreRows() {
        CompletionRecorder recorder = new CompletionRecorder(new Batches(new CountDownLatch(0)), 10, 10,
                Thread.ofPlatform().factory(), e -> { });
        recorder.close();
        assertFalse(recorder.record(row(1)));
        assertEquals(1, recorder.dropped());
    }
}
