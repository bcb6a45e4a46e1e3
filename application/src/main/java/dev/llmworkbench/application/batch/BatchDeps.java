package dev.llmworkbench.application.batch;

import dev.llmworkbench.application.batch.port.BatchNotifier;
import dev.llmworkbench.application.batch.port.Batches;
import dev.llmworkbench.application.batch.port.InputLines;
import dev.llmworkbench.application.batch.port.LineCaller;
import dev.llmworkbench.application.files.port.FileStore;
import java.time.Clock;
import java.util.Objects;

/** What running a batch needs, handed as one to each batch's job. */
record BatchDeps(Batches batches, FileStore files, InputLines input, LineCaller caller, BatchNotifier notifier,
                 Clock clock, BatchIds ids, BatchSettings settings) {
    BatchDeps {
        Objects.requireNonNull(batches, "batches");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(settings, "settings");
    }
}
