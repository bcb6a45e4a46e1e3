package dev.llmworkbench.application.collate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.collate.CollateMode;
import dev.llmworkbench.domain.collate.CollateState;
import dev.llmworkbench.domain.collate.CollateStatusEntry;
import dev.llmworkbench.domain.collate.CollatedRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CollateTest {
    private static final PollBackoff FAST = new PollBackoff(Duration.ofMillis(5), Duration.ofMillis(20));

    private final MemoryCollatedRequests store = new MemoryCollatedRequests();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger ids = new AtomicInteger();
    private CollatedBatches batches;

    @AfterEach
    void stop() {
        timer.shutdownNow();
        if (batches != null) {
            batches.close();
        }
    }

    private Collate collate(ScriptedBatchUpstream upstream, Duration window, int maxRequests) {
        batches = new CollatedBatches(Map.of("up", upstream), store, Clock.systemUTC(), FAST);
        return new Collate(Map.of("up", new CollateSettings(window, maxRequests)), store, batches,
                () -> "collreq_" + ids.incrementAndGet(), Clock.systemUTC(), timer);
    }

    private static CollateCommand command(String prompt, CollateMode mode) {
        return new CollateCommand("up", "gpt-4o-mini", "hash-" + prompt,
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}", mode);
    }

    private static CollatedRequest finished(Collation collation) throws Exception {
        return assertInstanceOf(Collation.Held.class, collation).finished().get(10, TimeUnit.SECONDS);
    }

    @Test
    void requestsOfOneWindowGoIntoOneFileAndEachGetsTheAnswerItsCustomIdNames() throws Exception {
        ScriptedBatchUpstream upstream = new ScriptedBatchUpstream(BatchStatus.COMPLETED, false);
        Collate collate = collate(upstream, Duration.ofMillis(200), 100);
        List<Collation> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            held.add(collate.collate(command("p" + i, CollateMode.SYNC)));
        }
        for (Collation collation : held) {
            CollatedRequest done = finished(collation);
            assertEquals(CollateState.ANSWERED, done.state());
            assertEquals(ScriptedBatchUpstream.bodyFor(done.customId()), done.answer().orElseThrow().body());
            assertEquals(done, store.find(done.id()).orElseThrow());
        }
        assertEquals(1, upstream.files.size());
        assertEquals(List.of("collreq_1", "collreq_2", "collreq_3", "collreq_4", "collreq_5"), upstream.files.getFirst());
    }

    @Test
    void aWindowClosesAsSoonAsItHoldsMaxRequests() throws Exception {
        ScriptedBatchUpstream upstream = new ScriptedBatchUpstream(BatchStatus.COMPLETED, false);
        // A window of an hour: only the size limit can close the first two.
        Collate collate = collate(upstream, Duration.ofHours(1), 2);
        Collation first = collate.collate(command("a", CollateMode.SYNC));
        Collation second = collate.collate(command("b", CollateMode.SYNC));
        collate.collate(command("c", CollateMode.SYNC));
        assertEquals(CollateState.ANSWERED, finished(first).state());
        assertEquals(CollateState.ANSWERED, finished(second).state());
        assertEquals(List.of(List.of("collreq_1", "collreq_2")), upstream.files);
    }

    @Test
    void theStatusLogHoldsEachStatusTheUpstreamBatchWasSeenIn() throws Exception {
        ScriptedBatchUpstream upstream = new ScriptedBatchUpstream(BatchStatus.COMPLETED, false);
        CollatedRequest done = finished(collate(upstream, Duration.ofMillis(50), 10).collate(command("a", CollateMode.SYNC)));
        List<CollateStatusEntry> log = store.statusLog(done.batchId().orElseThrow());
        assertEquals(List.of(BatchStatus.VALIDATING, BatchStatus.IN_PROGRESS, BatchStatus.COMPLETED),
                log.stream().map(CollateStatusEntry::status).toList());
        assertEquals(1, log.getLast().counts().completed());
    }

    @Test
    void anExpiredBatchAnswersTheLinesItFinishedAndFailsTheOthersWithItsEnd() throws Exception {
        ScriptedBatchUpstream upstream = new ScriptedBatchUpstream(BatchStatus.EXPIRED, false);
        upstream.leaveUnanswered("collreq_2");
        Collate collate = collate(upstream, Duration.ofMillis(100), 10);
        Collation first = collate.collate(command("a", CollateMode.SYNC));
        Collation second = collate.collate(command("b", CollateMode.SYNC));
        assertEquals(CollateState.ANSWERED, finished(first).state());
        CollatedRequest failed = finished(second);
        assertEquals(CollateState.FAILED, failed.state());
        assertEquals("batch_expired", failed.failure().orElseThrow().code());
        assertEquals(502, failed.failure().orElseThrow().status());
    }

    @Test
    void aRefusedUploadFailsEveryRequestOfTheWindowAndCompletesBothFutures() throws Exception {
        Collate collate = collate(new ScriptedBatchUpstream(BatchStatus.COMPLETED, true), Duration.ofMillis(50), 10);
        Collation.Held held = assertInstanceOf(Collation.Held.class, collate.collate(command("a", CollateMode.ASYNC)));
        CollatedRequest submitted = held.submitted().get(10, TimeUnit.SECONDS);
        assertEquals(CollateState.FAILED, submitted.state());
        assertEquals("batch_not_created", submitted.failure().orElseThrow().code());
        assertTrue(submitted.failure().orElseThrow().message().contains("401"));
        assertEquals(submitted, held.finished().get(10, TimeUnit.SECONDS));
        assertEquals(submitted, store.find(submitted.id()).orElseThrow());
    }

    @Test
    void cacheModeServesTheStoredAnswerOfAnIdenticalRequestAndHoldsAnyOther() throws Exception {
        Collate collate = collate(new ScriptedBatchUpstream(BatchStatus.COMPLETED, false), Duration.ofMillis(50), 10);
        CollatedRequest answered = finished(collate.collate(command("same", CollateMode.CACHE)));
        Collation again = collate.collate(command("same", CollateMode.CACHE));
        assertEquals(answered, assertInstanceOf(Collation.Cached.class, again).answered());
        assertInstanceOf(Collation.Held.class, collate.collate(command("other", CollateMode.CACHE)));
        assertInstanceOf(Collation.Held.class, collate.collate(command("same", CollateMode.SYNC)));
    }

    @Test
    void aRestartFollowsTheUnfinishedBatchAgainAndStoresEachAnswer() throws Exception {
        ScriptedBatchUpstream upstream = new ScriptedBatchUpstream(BatchStatus.COMPLETED, false);
        upstream.upload("in.jsonl", "{\"custom_id\":\"collreq_9\"}\n".getBytes());
        CollatedRequest left = CollatedRequest.waiting("collreq_9", "up", "gpt-4o-mini", "h", "{}", CollateMode.ASYNC,
                Clock.systemUTC().instant()).submitted("batch_0");
        store.addAll(List.of(left));
        collate(upstream, Duration.ofMillis(50), 10);
        assertEquals(1, new ResumeCollation(store, batches).resume());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (store.find("collreq_9").orElseThrow().state() == CollateState.SUBMITTED && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(ScriptedBatchUpstream.bodyFor("collreq_9"), store.find("collreq_9").orElseThrow().answer().orElseThrow().body());
    }
}
