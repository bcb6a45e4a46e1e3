package dev.llmworkbench.domain.batch;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A batch's {@code status} and the moves OpenAI's Batch API makes between them. A batch is validated, runs, is
 * finalized (its output and error files written) and completes; it fails when its input is refused, expires when its
 * completion window ends first, and is cancelled on request. Expired and cancelled batches keep what finished.
 */
public enum BatchStatus {
    VALIDATING("validating"),
    FAILED("failed"),
    IN_PROGRESS("in_progress"),
    FINALIZING("finalizing"),
    COMPLETED("completed"),
    EXPIRED("expired"),
    CANCELLING("cancelling"),
    CANCELLED("cancelled");

    private final String wire;

    BatchStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<BatchStatus> fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }

    /** The statuses this one may move to; none for the four a batch ends in. */
    public Set<BatchStatus> next() {
        return switch (this) {
            case VALIDATING -> EnumSet.of(IN_PROGRESS, FAILED, CANCELLING, EXPIRED);
            case IN_PROGRESS -> EnumSet.of(FINALIZING, CANCELLING, EXPIRED, FAILED);
            case FINALIZING -> EnumSet.of(COMPLETED, FAILED);
            case CANCELLING -> EnumSet.of(CANCELLED);
            case FAILED, COMPLETED, EXPIRED, CANCELLED -> EnumSet.noneOf(BatchStatus.class);
        };
    }

    public boolean canBecome(BatchStatus status) {
        return next().contains(status);
    }

    public boolean isTerminal() {
        return next().isEmpty();
    }
}
