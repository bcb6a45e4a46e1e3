package dev.llmworkbench.application.collate;

import dev.llmworkbench.application.collate.port.CollatedRequests;
import dev.llmworkbench.domain.NotFoundException;
import dev.llmworkbench.domain.collate.CollateStatusEntry;
import java.util.List;

/** The status log of one upstream batch of collated requests: every status it was seen in, with time and counts. */
public final class ListCollateStatus {
    private final CollatedRequests store;

    public ListCollateStatus(CollatedRequests store) {
        this.store = store;
    }

    public List<CollateStatusEntry> list(String batchId) {
        List<CollateStatusEntry> log = store.statusLog(batchId);
        if (log.isEmpty()) {
            throw new NotFoundException("batch_id", null, "No collated batch found with id '" + batchId + "'.");
        }
        return log;
    }
}
