package dev.llmworkbench.domain.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchTest {
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    private static Batch created() {
        return Batch.create("batch_1", BatchEndpoint.CHAT_COMPLETIONS, "file-1", CompletionWindow.DAY, Map.of("k", "v"),
                Optional.empty(), T0);
    }

    @Test
    void aNewBatchValidatesAndExpiresWhenItsWindowEnds() {
        Batch batch = created();
        assertEquals(BatchStatus.VALIDATING, batch.status());
        assertEquals(Instant.parse("2026-11-26T12:00:00Z"), batch.times().expiresAt());
        assertEquals(RequestCounts.NONE, batch.counts());
        assertFalse(batch.windowEndedAt(T0.plus(Duration.ofHours(23))));
        assertTrue(batch.windowEndedAt(T0.plus(Duration.ofHours(24))));
    }

    @Test
    void eachMoveStampsTheTimeOfTheStatusItEnters() {
        Batch done = created().start(3, Optional.of("gpt-4o"), T0.plusSeconds(1)).finalizing(T0.plusSeconds(5))
                .complete(Optional.of("file-out"), Optional.empty(), T0.plusSeconds(6));
        assertEquals(BatchStatus.COMPLETED, done.status());
        assertEquals(Optional.of(T0.plusSeconds(1)), done.times().at(BatchStatus.IN_PROGRESS));
        assertEquals(Optional.of(T0.plusSeconds(5)), done.times().at(BatchStatus.FINALIZING));
        assertEquals(Optional.of(T0.plusSeconds(6)), done.times().at(BatchStatus.COMPLETED));
        assertEquals(Optional.empty(), done.times().at(BatchStatus.CANCELLED));
        assertEquals(3, done.counts().total());
        assertEquals(Optional.of("gpt-4o"), done.model());
        assertEquals(Optional.of("file-out"), done.outputFileId());
    }

    @Test
    void anIllegalMoveThrowsAndLeavesTheBatchAsItWas() {
        Batch validating = created();
        assertThrows(IllegalStateException.class, () -> validating.finalizing(T0));
        Batch completed = validating.start(1, Optional.empty(), T0).finalizing(T0).complete(Optional.empty(), Optional.empty(), T0);
        assertThrows(IllegalStateException.class, () -> completed.cancel(T0));
        assertEquals(BatchStatus.VALIDATING, validating.status());
    }

    @Test
    void aCancelledBatchPassesThroughCancelling() {
        Batch cancelling = created().start(2, Optional.empty(), T0).cancel(T0.plusSeconds(2));
        assertEquals(BatchStatus.CANCELLING, cancelling.status());
        assertThrows(IllegalStateException.class, () -> cancelling.complete(Optional.empty(), Optional.empty(), T0));
        assertEquals(BatchStatus.CANCELLED, cancelling.cancelled(Optional.empty(), Optional.of("file-err"), T0.plusSeconds(3)).status());
    }

    @Test
    void aFailedBatchCarriesItsErrorsAndNeedsAtLeastOne() {
        BatchError error = BatchError.atLine(2, "duplicate_custom_id", "custom_id", "dup");
        assertEquals(List.of(error), created().fail(List.of(error), T0).errors());
        assertThrows(IllegalArgumentException.class, () -> created().fail(List.of(), T0));
    }

    @Test
    void anIdNotShapedLikeOpenAisIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Batch.create("b1", BatchEndpoint.EMBEDDINGS, "file-1",
                CompletionWindow.DAY, Map.of(), Optional.empty(), T0));
    }
}
