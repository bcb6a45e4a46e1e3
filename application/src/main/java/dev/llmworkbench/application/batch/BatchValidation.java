package dev.llmworkbench.application.batch;

import dev.llmworkbench.application.batch.port.PendingLine;
import dev.llmworkbench.domain.NotFoundException;
import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.BatchError;
import dev.llmworkbench.domain.batch.InputLine;
import dev.llmworkbench.domain.batch.InputValidation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A validating batch's input checked line by line as OpenAI checks it: the batch then fails with the errors found,
 * or starts with one pending row per line, in one step with its move to in progress.
 */
final class BatchValidation {
    private final BatchDeps deps;

    BatchValidation(BatchDeps deps) {
        this.deps = deps;
    }

    void validate(Batch batch) throws IOException {
        InputValidation validation = new InputValidation(batch.endpoint());
        List<PendingLine> lines = new ArrayList<>();
        Optional<String> override = modelOverride(batch);
        try (InputStream in = deps.files().open(batch.inputFileId())) {
            deps.input().read(in, override, line -> {
                validation.accept(line);
                if (line instanceof InputLine.Request request && request.customId().isPresent()) {
                    lines.add(new PendingLine(line.line(), request.customId().get()));
                }
            });
        } catch (NotFoundException gone) {
            fail(batch, List.of(BatchError.ofFile("invalid_file", "The input file " + batch.inputFileId()
                    + " was deleted before the batch could read it.")));
            return;
        }
        InputValidation.Outcome outcome = validation.finish();
        if (!outcome.passed()) {
            fail(batch, outcome.errors());
            return;
        }
        deps.batches().start(batch.start(outcome.lines(), override.or(outcome::model), deps.clock().instant()), lines);
    }

    /** The guide's server sends every line to {@code metadata.model} when the batch names one. */
    static Optional<String> modelOverride(Batch batch) {
        return Optional.ofNullable(batch.metadata().get("model")).filter(m -> !m.isBlank());
    }

    private void fail(Batch batch, List<BatchError> errors) {
        new BatchEnding(deps).finish(batch.status(), batch.fail(errors, deps.clock().instant()));
    }
}
