package dev.llmworkbench.application.collate;

import dev.llmworkbench.domain.collate.CollatedRequest;
import java.util.concurrent.CompletableFuture;

/** What became of a request handed to {@link Collate}: served from the cache at once, or held for a batch. */
public sealed interface Collation {
    /** An identical request's stored answer (cache mode). */
    record Cached(CollatedRequest answered) implements Collation {
    }

    /**
     * Held in a window: {@code submitted} completes when its upstream batch exists (or with the request failed, when
     * the batch could not be created), {@code finished} when it is answered or failed.
     */
    record Held(CollatedRequest request, CompletableFuture<CollatedRequest> submitted,
                CompletableFuture<CollatedRequest> finished) implements Collation {
    }
}
