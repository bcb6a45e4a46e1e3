package dev.llmworkbench.domain.batch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One batch as OpenAI's Batch object describes it. It changes status only through the moves {@link BatchStatus}
 * allows, each of which stamps its time; an illegal move throws {@link IllegalStateException}. Request counts and
 * usage are summed by the store as lines are answered, so they arrive here from there.
 *
 * @param model the one model of the input's lines (or {@code metadata.model}), known once the input is validated
 */
public record Batch(String id, BatchEndpoint endpoint, String inputFileId, CompletionWindow window, BatchStatus status,
                    BatchTimes times, Optional<String> model, RequestCounts counts, BatchUsage usage, List<BatchError> errors,
                    Optional<String> outputFileId, Optional<String> errorFileId, Map<String, String> metadata,
                    Optional<OutputExpiry> outputExpiry) {
    public Batch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(inputFileId, "inputFileId");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(outputFileId, "outputFileId");
        Objects.requireNonNull(errorFileId, "errorFileId");
        Objects.requireNonNull(outputExpiry, "outputExpiry");
        errors = List.copyOf(errors);
        metadata = Map.copyOf(metadata);
        if (!id.startsWith("batch_")) {
            throw new IllegalArgumentException("a batch id starts with batch_: " + id);
        }
    }

    /** A new batch, validating its input. */
    public static Batch create(String id, BatchEndpoint endpoint, String inputFileId, CompletionWindow window,
                               Map<String, String> metadata, Optional<OutputExpiry> outputExpiry, Instant now) {
        return new Batch(id, endpoint, inputFileId, window, BatchStatus.VALIDATING, BatchTimes.startingAt(now, window),
                Optional.empty(), RequestCounts.NONE, BatchUsage.NONE, List.of(), Optional.empty(), Optional.empty(),
                metadata, outputExpiry);
    }

    /** The input passed validation: {@code total} lines, all for {@code model}, start running. */
    public Batch start(int total, Optional<String> model, Instant now) {
        return moved(BatchStatus.IN_PROGRESS, now).with(model, new RequestCounts(total, 0, 0), List.of());
    }

    /** The input was refused; a failed batch ran no line. */
    public Batch fail(List<BatchError> found, Instant now) {
        if (found.isEmpty()) {
            throw new IllegalArgumentException("a batch fails for at least one error");
        }
        return moved(BatchStatus.FAILED, now).with(model, counts, found);
    }

    /** Every line is answered; the output and error files are being written. */
    public Batch finalizing(Instant now) {
        return moved(BatchStatus.FINALIZING, now);
    }

    public Batch complete(Optional<String> outputFile, Optional<String> errorFile, Instant now) {
        return moved(BatchStatus.COMPLETED, now).withFiles(outputFile, errorFile);
    }

    /** The window ended first: what finished is in the output file, the rest in the error file as batch_expired. */
    public Batch expire(Optional<String> outputFile, Optional<String> errorFile, Instant now) {
        return moved(BatchStatus.EXPIRED, now).withFiles(outputFile, errorFile);
    }

    /** Asked to stop: no new line starts; those in flight finish. */
    public Batch cancel(Instant now) {
        return moved(BatchStatus.CANCELLING, now);
    }

    public Batch cancelled(Optional<String> outputFile, Optional<String> errorFile, Instant now) {
        return moved(BatchStatus.CANCELLED, now).withFiles(outputFile, errorFile);
    }

    /** The same batch with the counts and usage the store summed. */
    public Batch withProgress(RequestCounts progress, BatchUsage used) {
        return new Batch(id, endpoint, inputFileId, window, status, times, model, progress, used, errors, outputFileId,
                errorFileId, metadata, outputExpiry);
    }

    /** Whether the completion window has ended at {@code now}. */
    public boolean windowEndedAt(Instant now) {
        return !now.isBefore(times.expiresAt());
    }

    private Batch moved(BatchStatus next, Instant now) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException("a batch cannot go from " + status.wire() + " to " + next.wire());
        }
        return new Batch(id, endpoint, inputFileId, window, next, times.entering(next, now), model, counts, usage, errors,
                outputFileId, errorFileId, metadata, outputExpiry);
    }

    private Batch with(Optional<String> usedModel, RequestCounts newCounts, List<BatchError> newErrors) {
        return new Batch(id, endpoint, inputFileId, window, status, times, usedModel, newCounts, usage, newErrors,
                outputFileId, errorFileId, metadata, outputExpiry);
    }

    private Batch withFiles(Optional<String> outputFile, Optional<String> errorFile) {
        return new Batch(id, endpoint, inputFileId, window, status, times, model, counts, usage, errors, outputFile,
                errorFile, metadata, outputExpiry);
    }
}
