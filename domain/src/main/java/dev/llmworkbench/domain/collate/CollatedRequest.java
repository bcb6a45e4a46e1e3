package dev.llmworkbench.domain.collate;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One chat completion request held for an upstream batch. It moves waiting, then submitted (in batch
 * {@code batchId} as line {@code customId}), then answered or failed; a request that could not be submitted fails
 * from waiting. The {@code requestHash} identifies identical requests for the cache mode.
 *
 * @param body the request's JSON, compact (one line), as its batch line carries it
 */
public record CollatedRequest(String id, String route, String model, String requestHash, String body, CollateMode mode,
                              String customId, CollateState state, Optional<String> batchId, Optional<CollatedAnswer> answer,
                              Optional<CollateFailure> failure, Instant createdAt, Optional<Instant> finishedAt) {
    public CollatedRequest {
        for (String field : new String[] {id, route, model, requestHash, body, customId}) {
            if (field == null || field.isBlank()) {
                throw new IllegalArgumentException("a collated request needs its id, route, model, hash, body and custom_id");
            }
        }
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (state != CollateState.WAITING && state != CollateState.FAILED && batchId.isEmpty()) {
            throw new IllegalArgumentException("a " + state.wire() + " request belongs to a batch");
        }
        if ((state == CollateState.ANSWERED) != answer.isPresent() || (state == CollateState.FAILED) != failure.isPresent()) {
            throw new IllegalArgumentException("an answered request has an answer, a failed one a failure, and no other");
        }
        if (state.isFinal() != finishedAt.isPresent()) {
            throw new IllegalArgumentException("a request has finished_at exactly when it is answered or failed");
        }
    }

    /** A request that has just arrived; its line in the batch file is named by its own id. */
    public static CollatedRequest waiting(String id, String route, String model, String requestHash, String body, CollateMode mode,
                                          Instant now) {
        return new CollatedRequest(id, route, model, requestHash, body, mode, id, CollateState.WAITING, Optional.empty(),
                Optional.empty(), Optional.empty(), now, Optional.empty());
    }

    public CollatedRequest submitted(String upstreamBatchId) {
        require(CollateState.WAITING, "submitted");
        return new CollatedRequest(id, route, model, requestHash, body, mode, customId, CollateState.SUBMITTED,
                Optional.of(upstreamBatchId), answer, failure, createdAt, finishedAt);
    }

    public CollatedRequest answered(CollatedAnswer collatedAnswer, Instant now) {
        require(CollateState.SUBMITTED, "answered");
        return new CollatedRequest(id, route, model, requestHash, body, mode, customId, CollateState.ANSWERED, batchId,
                Optional.of(collatedAnswer), Optional.empty(), createdAt, Optional.of(now));
    }

    public CollatedRequest failed(CollateFailure why, Instant now) {
        if (state.isFinal()) {
            throw new IllegalStateException("request " + id + " is already " + state.wire());
        }
        return new CollatedRequest(id, route, model, requestHash, body, mode, customId, CollateState.FAILED, batchId,
                Optional.empty(), Optional.of(why), createdAt, Optional.of(now));
    }

    private void require(CollateState expected, String move) {
        if (state != expected) {
            throw new IllegalStateException("request " + id + " cannot be " + move + " when " + state.wire());
        }
    }
}
