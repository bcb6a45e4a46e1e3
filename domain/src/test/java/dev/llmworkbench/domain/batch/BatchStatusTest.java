package dev.llmworkbench.domain.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BatchStatusTest {
    @Test
    void wireNamesAreTheEightStatusesOfOpenAisBatchSchema() {
        // The enum of #/components/schemas/Batch/properties/status in OpenAI's OpenAPI document (API 2.3.0).
        assertEquals(List.of("validating", "failed", "in_progress", "finalizing", "completed", "expired", "cancelling", "cancelled"),
                Arrays.stream(BatchStatus.values()).map(BatchStatus::wire).toList());
    }

    @Test
    void everyWireNameReadsBackAndAnUnknownOneDoesNot() {
        for (BatchStatus status : BatchStatus.values()) {
            assertEquals(Optional.of(status), BatchStatus.fromWire(status.wire()));
        }
        assertEquals(Optional.empty(), BatchStatus.fromWire("running"));
    }

    @Test
    void theLegalMovesAreOpenAisLifecycle() {
        // OpenAI's batch guide: validating -> in_progress | failed; in_progress -> finalizing -> completed;
        // expired when the window ends first; cancelling -> cancelled on request (up to ten minutes later).
        assertEquals(Set.of("in_progress", "failed", "cancelling", "expired"), wires(BatchStatus.VALIDATING.next()));
        assertEquals(Set.of("finalizing", "cancelling", "expired", "failed"), wires(BatchStatus.IN_PROGRESS.next()));
        assertEquals(Set.of("completed", "failed"), wires(BatchStatus.FINALIZING.next()));
        assertEquals(Set.of("cancelled"), wires(BatchStatus.CANCELLING.next()));
    }

    @Test
    void theFourFinalStatusesGoNowhere() {
        Set<String> terminal = Arrays.stream(BatchStatus.values()).filter(BatchStatus::isTerminal).map(BatchStatus::wire)
                .collect(Collectors.toSet());
        assertEquals(Set.of("completed", "failed", "expired", "cancelled"), terminal);
        for (BatchStatus status : BatchStatus.values()) {
            for (BatchStatus next : BatchStatus.values()) {
                assertEquals(status.next().contains(next), status.canBecome(next), status + " -> " + next);
            }
        }
    }

    @Test
    void aFinishedOrFinalizingBatchCannotBeCancelled() {
        assertFalse(BatchStatus.FINALIZING.canBecome(BatchStatus.CANCELLING));
        assertFalse(BatchStatus.COMPLETED.canBecome(BatchStatus.CANCELLING));
        assertTrue(BatchStatus.IN_PROGRESS.canBecome(BatchStatus.CANCELLING));
    }

    private static Set<String> wires(Set<BatchStatus> statuses) {
        return statuses.stream().map(BatchStatus::wire).collect(Collectors.toSet());
    }
}
