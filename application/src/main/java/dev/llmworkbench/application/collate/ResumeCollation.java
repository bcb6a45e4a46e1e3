package dev.llmworkbench.application.collate;

import dev.llmworkbench.application.collate.port.CollatedRequests;
import dev.llmworkbench.domain.collate.CollatedRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * At start-up, follows again every upstream batch the last process left unfinished, so async and cache callers still
 * find their answers. (Sync callers of that process are gone with their connections.)
 */
public final class ResumeCollation {
    private final CollatedRequests store;
    private final CollatedBatches batches;

    public ResumeCollation(CollatedRequests store, CollatedBatches batches) {
        this.store = store;
        this.batches = batches;
    }

    /** @return how many upstream batches are followed again */
    public int resume() {
        Map<String, List<CollatedRequest>> byBatch = store.submitted().stream()
                .collect(Collectors.groupingBy(request -> request.batchId().orElseThrow(), LinkedHashMap::new, Collectors.toList()));
        byBatch.forEach((batchId, requests) -> batches.resume(requests.getFirst().route(), batchId, requests));
        return byBatch.size();
    }
}
