package dev.llmworkbench.application.collate;

import dev.llmworkbench.application.collate.port.CollatedRequests;
import dev.llmworkbench.domain.NotFoundException;
import dev.llmworkbench.domain.collate.CollatedRequest;

/** An async or cache caller's request, as far as it has come: submitted, answered or failed. */
public final class GetCollatedRequest {
    private final CollatedRequests store;

    public GetCollatedRequest(CollatedRequests store) {
        this.store = store;
    }

    public CollatedRequest get(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("id", null, "No collated request found with id '" + id + "'."));
    }
}
