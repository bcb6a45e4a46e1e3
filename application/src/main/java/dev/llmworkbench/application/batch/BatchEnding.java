package dev.llmworkbench.application.batch;

import dev.llmworkbench.application.batch.port.AnsweredLine;
import dev.llmworkbench.application.batch.port.BatchEnded;
import dev.llmworkbench.application.batch.port.PendingLine;
import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.batch.FileLine;
import dev.llmworkbench.domain.batch.LineAnswer;
import dev.llmworkbench.domain.files.FilePurpose;
import dev.llmworkbench.domain.files.NewFile;
import dev.llmworkbench.domain.files.StoredFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Brings a batch whose lines are all answered, whose window ended, or which is being cancelled to its final status:
 * lines still pending become error lines ({@code batch_expired}, {@code batch_cancelled}), the output and error
 * files are written, the final status is stored, and then, once, the notifier hears of it. Every step is a move the
 * store accepts only from the status it read, so a cancel racing the end makes one of them retry from the other's.
 */
final class BatchEnding {
    /** A batch's output is bounded by its input's 50,000 lines, not by the upload limit. */
    private static final long MAX_OUTPUT_BYTES = Long.MAX_VALUE;

    private final BatchDeps deps;

    BatchEnding(BatchDeps deps) {
        this.deps = deps;
    }

    /** Moves the batch on until it ends; returns early while it is validating or still has lines to run. */
    void end(String id) throws IOException {
        while (true) {
            Batch batch = reload(id);
            Instant now = deps.clock().instant();
            switch (batch.status()) {
                case IN_PROGRESS -> {
                    boolean pending = !deps.batches().pending(id).isEmpty();
                    if (pending && !batch.windowEndedAt(now)) {
                        return;
                    }
                    if (pending) {
                        failPending(id, "batch_expired", "This request could not be executed before the completion window expired.");
                        Batch read = reload(id);
                        finish(batch.status(), batch.expire(write(read, true), write(read, false), deps.clock().instant()));
                    } else {
                        deps.batches().move(batch.status(), batch.finalizing(now));
                    }
                }
                case FINALIZING -> finish(batch.status(), batch.complete(write(batch, true), write(batch, false), now));
                case CANCELLING -> {
                    failPending(id, "batch_cancelled", "This request was not executed because the batch was cancelled.");
                    Batch read = reload(id);
                    finish(batch.status(), batch.cancelled(write(read, true), write(read, false), deps.clock().instant()));
                }
                case VALIDATING, FAILED, COMPLETED, EXPIRED, CANCELLED -> {
                    return;
                }
            }
        }
    }

    /** Stores a final status; the one that stores it tells the notifier. */
    boolean finish(BatchStatus from, Batch ended) {
        if (!deps.batches().move(from, ended)) {
            return false;
        }
        Batch stored = reload(ended.id());
        deps.notifier().batchEnded(new BatchEnded(stored.id(), stored.status(), stored.outputFileId(), stored.errorFileId(),
                stored.counts().total(), stored.counts().completed(), stored.counts().failed(),
                stored.times().at(stored.status()).orElseThrow()));
        return true;
    }

    private void failPending(String id, String code, String message) {
        List<PendingLine> pending = deps.batches().pending(id);
        List<AnsweredLine> answers = pending.stream().map(p -> {
            LineAnswer answer = new LineAnswer.NoResponse(p.line(), p.customId(), code, message);
            return new AnsweredLine(answer, FileLine.of(deps.ids().line(), answer));
        }).toList();
        deps.batches().answer(id, answers);
    }

    private Optional<String> write(Batch batch, boolean succeeded) throws IOException {
        int lines = succeeded ? batch.counts().completed() : batch.counts().failed();
        if (lines == 0) {
            return Optional.empty();
        }
        Instant now = deps.clock().instant();
        NewFile file = new NewFile(batch.id() + (succeeded ? "_output.jsonl" : "_error.jsonl"), FilePurpose.BATCH_OUTPUT,
                batch.outputExpiry().map(e -> e.from(now)), MAX_OUTPUT_BYTES);
        try {
            StoredFile stored = deps.files().save(file, out -> {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                deps.batches().forEachAnswer(batch.id(), succeeded, line -> {
                    try {
                        writer.write(line);
                        writer.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                writer.flush();
            });
            return Optional.of(stored.id());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Batch reload(String id) {
        return deps.batches().find(id).orElseThrow();
    }
}
