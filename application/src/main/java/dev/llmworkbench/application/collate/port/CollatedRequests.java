package dev.llmworkbench.application.collate.port;

import dev.llmworkbench.domain.collate.CollateStatusEntry;
import dev.llmworkbench.domain.collate.CollatedRequest;
import java.util.List;
import java.util.Optional;

/**
 * Collated requests and the status log of the upstream batches they went into, kept across restarts. Assumes nothing
 * about how: SQLite or MongoDB. A request is stored once its window closes (submitted, or failed when its batch could
 * not be created), so what a restart finds is exactly what an upstream batch holds.
 */
public interface CollatedRequests {
    /** Keeps new requests, all of them or none. */
    void addAll(List<CollatedRequest> requests);

    /** Replaces stored requests by their moved-on versions (answered or failed), all of them or none. */
    void updateAll(List<CollatedRequest> requests);

    Optional<CollatedRequest> find(String id);

    /** The most recently answered request with this hash whose answer succeeded: what the cache mode serves. */
    Optional<CollatedRequest> answered(String requestHash);

    /** Every request still waiting on an upstream batch, oldest first: what a restart resumes. */
    List<CollatedRequest> submitted();

    /** Appends one row to the batch status log. */
    void appendStatus(CollateStatusEntry entry);

    /** The first status log row of each upstream batch, the newest batch first: which batches collation made. */
    List<CollateStatusEntry> batches(int limit);

    /** The status log of one upstream batch, oldest first. */
    List<CollateStatusEntry> statusLog(String batchId);
}
