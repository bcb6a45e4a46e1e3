package dev.llmworkbench.domain.collate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CollatedRequestTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final CollatedAnswer OK = new CollatedAnswer(200, "{\"object\":\"chat.completion\"}");

    private static CollatedRequest waiting() {
        return CollatedRequest.waiting("collreq_1", "openai", "gpt-4o-mini", "hash", "{}", CollateMode.SYNC, T0);
    }

    @Test
    void aRequestMovesFromWaitingToSubmittedToAnsweredKeepingItsBatchAndItsCustomId() {
        CollatedRequest answered = waiting().submitted("batch_1").answered(OK, T0.plusSeconds(3));
        assertEquals(CollateState.ANSWERED, answered.state());
        assertEquals(Optional.of("batch_1"), answered.batchId());
        assertEquals("collreq_1", answered.customId());
        assertEquals(Optional.of(T0.plusSeconds(3)), answered.finishedAt());
    }

    @Test
    void aWaitingRequestCannotBeAnsweredBeforeItIsInABatch() {
        assertThrows(IllegalStateException.class, () -> waiting().answered(OK, T0));
    }

    @Test
    void aFinishedRequestCannotMoveAgain() {
        CollatedRequest answered = waiting().submitted("batch_1").answered(OK, T0);
        assertThrows(IllegalStateException.class, () -> answered.failed(CollateFailure.batchEnded("batch_1", "expired"), T0));
        assertThrows(IllegalStateException.class, () -> answered.submitted("batch_2"));
    }

    @Test
    void aRequestThatNeverReachedABatchFailsWithoutOne() {
        CollatedRequest failed = waiting().failed(CollateFailure.notSubmitted("refused"), T0);
        assertEquals(Optional.empty(), failed.batchId());
        assertEquals("batch_not_created", failed.failure().orElseThrow().code());
    }

    @Test
    void aSubmittedRequestWithoutABatchCannotExist() {
        assertThrows(IllegalArgumentException.class, () -> new CollatedRequest("collreq_1", "openai", "m", "h", "{}", CollateMode.SYNC,
                "collreq_1", CollateState.SUBMITTED, Optional.empty(), Optional.empty(), Optional.empty(), T0, Optional.empty()));
    }

    @Test
    void modesAreReadAsBatchGptNamesThemAndNothingElse() {
        assertEquals(Optional.of(CollateMode.SYNC), CollateMode.fromWire("sync"));
        assertEquals(Optional.of(CollateMode.ASYNC), CollateMode.fromWire(" ASYNC "));
        assertEquals(Optional.of(CollateMode.CACHE), CollateMode.fromWire("cache"));
        assertEquals(Optional.empty(), CollateMode.fromWire("later"));
    }
}
