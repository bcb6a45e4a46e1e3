package dev.llmworkbench.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.application.collate.port.CollatedRequests;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.batch.RequestCounts;
import dev.llmworkbench.domain.collate.CollateFailure;
import dev.llmworkbench.domain.collate.CollateMode;
import dev.llmworkbench.domain.collate.CollateStatusEntry;
import dev.llmworkbench.domain.collate.CollatedRequest;
import dev.llmworkbench.domain.collate.CollatedAnswer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link CollatedRequests} adapter must do; each adapter's test extends this with a fresh, empty store. */
public abstract class CollatedRequestsContract {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456789Z");
    private static final String COMPLETION = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[]}";

    /** A fresh store, empty. */
    protected abstract CollatedRequests store();

    /** The same store as the last {@link #store()}, opened again as a restarted server would. */
    protected abstract CollatedRequests reopened();

    private static CollatedRequest waiting(String id, String hash, int second) {
        return CollatedRequest.waiting(id, "openai", "gpt-4o-mini", hash, "{\"model\":\"gpt-4o-mini\",\"messages\":[]}",
                CollateMode.ASYNC, T0.plusSeconds(second));
    }

    @Test
    void keepsASubmittedRequestWithEverythingItHeldAcrossARestart() {
        CollatedRequest submitted = waiting("collreq_a", "h1", 0).submitted("batch_1");
        store().addAll(List.of(submitted));
        assertEquals(Optional.of(submitted), reopened().find("collreq_a"));
    }

    @Test
    void anUpdateKeepsTheAnswerOrTheFailureAndItsFinishingTime() {
        CollatedRequests store = store();
        CollatedRequest a = waiting("collreq_a", "h1", 0).submitted("batch_1");
        CollatedRequest b = waiting("collreq_b", "h2", 1).submitted("batch_1");
        store.addAll(List.of(a, b));
        CollatedRequest answered = a.answered(new CollatedAnswer(200, COMPLETION), T0.plusSeconds(5));
        CollatedRequest failed = b.failed(CollateFailure.batchEnded("batch_1", "expired"), T0.plusSeconds(6));
        store.updateAll(List.of(answered, failed));
        assertEquals(Optional.of(answered), store.find("collreq_a"));
        assertEquals(Optional.of(failed), store.find("collreq_b"));
    }

    @Test
    void aRequestThatNeverReachedABatchIsKeptFailed() {
        CollatedRequest failed = waiting("collreq_x", "h1", 0).failed(CollateFailure.notSubmitted("upstream answered 401"), T0);
        store().addAll(List.of(failed));
        assertEquals(Optional.of(failed), store().find("collreq_x"));
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertEquals(Optional.empty(), store().find("collreq_none"));
    }

    @Test
    void submittedListsOnlyTheRequestsStillWaitingOnABatchOldestFirst() {
        CollatedRequests store = store();
        CollatedRequest later = waiting("collreq_l", "h1", 9).submitted("batch_2");
        CollatedRequest earlier = waiting("collreq_e", "h2", 1).submitted("batch_1");
        CollatedRequest done = waiting("collreq_d", "h3", 0).submitted("batch_1");
        store.addAll(List.of(later, earlier, done));
        store.updateAll(List.of(done.answered(new CollatedAnswer(200, COMPLETION), T0.plusSeconds(3))));
        assertEquals(List.of(earlier, later), reopened().submitted());
    }

    @Test
    void theCacheServesTheNewestSuccessfulAnswerOfTheSameHashOnly() {
        CollatedRequests store = store();
        CollatedRequest old = waiting("collreq_1", "same", 0).submitted("batch_1");
        CollatedRequest newer = waiting("collreq_2", "same", 1).submitted("batch_2");
        CollatedRequest refused = waiting("collreq_3", "same", 2).submitted("batch_3");
        CollatedRequest other = waiting("collreq_4", "other", 3).submitted("batch_3");
        store.addAll(List.of(old, newer, refused, other));
        CollatedRequest newerAnswered = newer.answered(new CollatedAnswer(200, COMPLETION), T0.plusSeconds(20));
        store.updateAll(List.of(old.answered(new CollatedAnswer(200, COMPLETION), T0.plusSeconds(10)), newerAnswered,
                refused.answered(new CollatedAnswer(400, "{\"error\":{}}"), T0.plusSeconds(30))));
        assertEquals(Optional.of(newerAnswered), store.answered("same"));
        assertEquals(Optional.empty(), store.answered("other"));
    }

    @Test
    void theStatusLogKeepsEveryRowOfABatchInOrderAcrossARestart() {
        CollatedRequests store = store();
        CollateStatusEntry validating = new CollateStatusEntry("batch_1", "openai", T0, BatchStatus.VALIDATING,
                new RequestCounts(0, 0, 0));
        CollateStatusEntry running = new CollateStatusEntry("batch_1", "openai", T0.plusSeconds(1), BatchStatus.IN_PROGRESS,
                new RequestCounts(3, 1, 0));
        CollateStatusEntry otherBatch = new CollateStatusEntry("batch_2", "openai", T0, BatchStatus.VALIDATING, RequestCounts.NONE);
        CollateStatusEntry done = new CollateStatusEntry("batch_1", "openai", T0.plusSeconds(1), BatchStatus.COMPLETED,
                new RequestCounts(3, 2, 1));
        store.appendStatus(validating);
        store.appendStatus(running);
        store.appendStatus(otherBatch);
        store.appendStatus(done);
        assertEquals(List.of(validating, running, done), reopened().statusLog("batch_1"));
        assertEquals(List.of(), reopened().statusLog("batch_none"));
    }

    @Test
    void batchesListsEachUpstreamBatchOnceByItsFirstRowNewestFirst() {
        CollatedRequests store = store();
        CollateStatusEntry first = new CollateStatusEntry("batch_1", "openai", T0, BatchStatus.VALIDATING, RequestCounts.NONE);
        CollateStatusEntry second = new CollateStatusEntry("batch_2", "openai", T0.plusSeconds(1), BatchStatus.VALIDATING,
                RequestCounts.NONE);
        store.appendStatus(first);
        store.appendStatus(second);
        store.appendStatus(new CollateStatusEntry("batch_1", "openai", T0.plusSeconds(2), BatchStatus.COMPLETED,
                new RequestCounts(2, 2, 0)));
        assertEquals(List.of(second, first), reopened().batches(10));
        assertEquals(List.of(second), reopened().batches(1));
    }

    @Test
    void aSecondRequestWithTheSameIdIsRefused() {
        CollatedRequests store = store();
        CollatedRequest first = waiting("collreq_dup", "h1", 0).submitted("batch_1");
        store.addAll(List.of(first));
        assertThrows(RuntimeException.class, () -> store.addAll(List.of(waiting("collreq_dup", "h2", 1).submitted("batch_2"))));
        assertEquals(Optional.of(first), store.find("collreq_dup"));
    }
}
