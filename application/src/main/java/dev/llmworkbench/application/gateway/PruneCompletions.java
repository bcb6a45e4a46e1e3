package dev.llmworkbench.application.gateway;

import dev.llmworkbench.application.gateway.port.CompletionLog;
import java.time.Clock;
import java.time.Duration;

/** Keeps the completion log to its retention ({@code workbench.log.retention-days}): older rows are deleted. */
public final class PruneCompletions {
    private final CompletionLog log;
    private final Duration retention;
    private final Clock clock;

    public PruneCompletions(CompletionLog log, Duration retention, Clock clock) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + retention);
        }
        this.log = log;
        this.retention = retention;
        this.clock = clock;
    }

    /** @return how many rows were older than the retention and are gone */
    public int prune() {
        return log.deleteBefore(clock.instant().minus(retention));
    }
}
