package dev.llmworkbench.application.batch.port;

import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.BatchEvent;
import dev.llmworkbench.domain.batch.BatchStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every batch, its lines and its event log, kept across restarts and crashes. Assumes nothing about how: SQLite
 * today, MongoDB later. Request counts and usage are summed here, in the same step that records a line's answer.
 */
public interface Batches {
    /** Keeps a new batch (validating) and its first event. */
    void add(Batch batch);

    /**
     * Stores {@code next} (a batch moved on: status, times, model, files, errors) and appends its status change to
     * the event log, unless the stored batch is no longer {@code from}: so a cancel and the runner cannot both win.
     * Counts and usage are the store's own and are not overwritten.
     *
     * @return whether {@code next} was kept
     */
    boolean move(BatchStatus from, Batch next);

    /** As {@link #move}, from validating to in progress, together with one pending row per input line. */
    boolean start(Batch next, List<PendingLine> lines);

    Optional<Batch> find(String id);

    /** Batches newest first, the page after {@code after} when it names one. */
    BatchPage list(int limit, Optional<String> after);

    /** Batches not yet ended: validating, in progress, finalizing or cancelling. */
    List<Batch> unfinished();

    /** The lines of a batch still unanswered, in line order. */
    List<PendingLine> pending(String batchId);

    /**
     * Records answers of still pending lines with their output or error file lines, and adds them to the counts and
     * usage, all in one transaction. An answer to a line already answered is ignored, so no line counts twice.
     *
     * @return how many of them were recorded
     */
    int answer(String batchId, List<AnsweredLine> answers);

    /** The file lines of the answered lines, in line order: the succeeded ones, or the others. */
    void forEachAnswer(String batchId, boolean succeeded, Consumer<String> fileLine);

    List<BatchEvent> events(String batchId);
}
