package dev.llmworkbench.application.batch;

import dev.llmworkbench.application.batch.port.InputLines;
import dev.llmworkbench.application.files.port.FileStore;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.BatchEndpoint;
import dev.llmworkbench.domain.batch.CompletionWindow;
import dev.llmworkbench.domain.files.FilePurpose;
import dev.llmworkbench.domain.files.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;

/** {@code POST /v1/batches}: a batch of an uploaded {@code batch} file, stored as validating and handed to the runner. */
public final class CreateBatch {
    private final BatchRunner runner;
    private final FileStore files;
    private final InputLines input;
    private final BatchIds ids;
    private final Clock clock;

    public CreateBatch(BatchRunner runner, FileStore files, InputLines input, BatchIds ids, Clock clock) {
        this.runner = runner;
        this.files = files;
        this.input = input;
        this.ids = ids;
        this.clock = clock;
    }

    public Batch create(CreateBatchCommand command) {
        StoredFile file = files.find(command.inputFileId()).orElseThrow(() -> new InvalidRequestException("input_file_id",
                "invalid_value", "No such File object: " + command.inputFileId()));
        if (file.purpose() != FilePurpose.BATCH) {
            throw new InvalidRequestException("input_file_id", "invalid_value", "The file " + file.id() + " has purpose '"
                    + file.purpose().wire() + "'; a batch's input file must have purpose 'batch'.");
        }
        BatchEndpoint endpoint = command.endpoint().map(path -> BatchEndpoint.parse("endpoint", path))
                .orElseGet(() -> endpointOfLines(file));
        CompletionWindow window = command.completionWindow().map(CompletionWindow::parse).orElse(CompletionWindow.DAY);
        Batch batch = Batch.create(ids.batch(), endpoint, file.id(), window, command.metadata(), command.outputExpiry(),
                clock.instant());
        runner.batches().add(batch);
        runner.submit(batch.id());
        return batch;
    }

    /** The guide's batches name no endpoint: the one their lines' url names is the batch's, as in its server. */
    private BatchEndpoint endpointOfLines(StoredFile file) {
        try (InputStream in = files.open(file.id())) {
            String url = input.firstUrl(in).orElseThrow(() -> new InvalidRequestException("endpoint", "missing_required_parameter",
                    "Missing required parameter: 'endpoint' (and the input file's first line names no url to take it from)."));
            return BatchEndpoint.parse("endpoint", url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
