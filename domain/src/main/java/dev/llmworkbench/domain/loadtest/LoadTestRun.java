package dev.llmworkbench.domain.loadtest;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * One load-test run. Its plan and result are the JSON documents the API shows, kept whole as strings (as a document
 * store keeps them). Only the transition methods move it on; each returns the next run or throws.
 *
 * @param result  the full result once completed; while running, the last snapshot measured; when interrupted, what
 *                it had measured
 * @param failure why a failed run failed
 */
public record LoadTestRun(String id, RunStatus status, String plan, Instant createdAt, Optional<Instant> startedAt,
        Optional<Instant> finishedAt, Optional<String> result, Optional<String> failure) {
    private static final Pattern ID = Pattern.compile("lt_[0-9a-f]{24}");

    public LoadTestRun {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(failure, "failure");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id is not lt_ + 24 hex digits: " + id);
        }
        if (plan == null || plan.isBlank()) {
            throw new IllegalArgumentException("plan is blank");
        }
        if (status.isTerminal() != finishedAt.isPresent()) {
            throw new IllegalArgumentException("a " + status.wireName() + " run " + (status.isTerminal() ? "needs" : "has no") + " finishedAt");
        }
        if (status == RunStatus.RUNNING && startedAt.isEmpty()) {
            throw new IllegalArgumentException("a running run needs startedAt");
        }
        if (status == RunStatus.QUEUED && (startedAt.isPresent() || result.isPresent())) {
            throw new IllegalArgumentException("a queued run has neither startedAt nor result");
        }
        if (status == RunStatus.COMPLETED && result.isEmpty()) {
            throw new IllegalArgumentException("a completed run needs its result");
        }
        if ((status == RunStatus.FAILED) != failure.isPresent()) {
            throw new IllegalArgumentException("failure is for failed runs, and every failed run has one");
        }
        if (startedAt.filter(createdAt::isAfter).isPresent()) {
            throw new IllegalArgumentException("startedAt before createdAt");
        }
        if (finishedAt.filter(finished -> finished.isBefore(startedAt.orElse(createdAt))).isPresent()) {
            throw new IllegalArgumentException("finishedAt before the run started");
        }
    }

    /** A new run waiting to start, with a fresh {@code lt_} id (96 random bits, as unguessable as a UUID). */
    public static LoadTestRun queue(String plan, Instant now, RandomGenerator random) {
        byte[] bits = new byte[12];
        random.nextBytes(bits);
        return new LoadTestRun("lt_" + HexFormat.of().formatHex(bits), RunStatus.QUEUED, plan, now,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public LoadTestRun start(Instant now) {
        return next(RunStatus.RUNNING, Optional.of(now), Optional.empty(), result, Optional.empty());
    }

    /** The same running run with a newer snapshot of what it has measured, so a restart keeps it. */
    public LoadTestRun measured(String snapshot) {
        if (status != RunStatus.RUNNING) {
            throw new IllegalStateException("a " + status.wireName() + " run measures nothing");
        }
        return new LoadTestRun(id, status, plan, createdAt, startedAt, finishedAt, Optional.of(snapshot), failure);
    }

    public LoadTestRun complete(String finalResult, Instant now) {
        return next(RunStatus.COMPLETED, startedAt, Optional.of(now), Optional.of(finalResult), Optional.empty());
    }

    public LoadTestRun cancel(Instant now) {
        return next(RunStatus.CANCELLED, startedAt, Optional.of(now), result, Optional.empty());
    }

    public LoadTestRun fail(String reason, Instant now) {
        return next(RunStatus.FAILED, startedAt, Optional.of(now), result, Optional.of(reason));
    }

    /** Ends a run cut short by a restart, keeping {@code partialResult} or, when empty, the last snapshot it had. */
    public LoadTestRun interrupt(Optional<String> partialResult, Instant now) {
        return next(RunStatus.INTERRUPTED, startedAt, Optional.of(now), partialResult.or(() -> result), Optional.empty());
    }

    private LoadTestRun next(RunStatus nextStatus, Optional<Instant> started, Optional<Instant> finished,
            Optional<String> nextResult, Optional<String> nextFailure) {
        if (!status.canBecome(nextStatus)) {
            throw new IllegalStateException("a " + status.wireName() + " run cannot become " + nextStatus.wireName());
        }
        return new LoadTestRun(id, nextStatus, plan, createdAt, started, finished, nextResult, nextFailure);
    }
}
