package dev.llmworkbench.application.batch.port;

import dev.llmworkbench.domain.batch.Batch;
import java.util.List;

/** The batches of one page, and whether more follow the last of them. */
public record BatchPage(List<Batch> batches, boolean hasMore) {
    public BatchPage {
        batches = List.copyOf(batches);
    }
}
