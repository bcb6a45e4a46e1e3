package dev.llmworkbench.domain.batch;

import java.time.Instant;
import java.util.Objects;

/** A status change of a batch, with the request counts it had then: one entry of its event log. */
public record BatchEvent(int seq, Instant at, BatchStatus status, RequestCounts counts) {
    public BatchEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(counts, "counts");
        if (seq < 1) {
            throw new IllegalArgumentException("events are numbered from 1: " + seq);
        }
    }
}
