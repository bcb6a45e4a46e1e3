package dev.llmworkbench.domain.loadtest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** Where a load-test run is in its life; the API shows each by its lower-case {@link #wireName()}. */
public enum RunStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    CANCELLED,
    FAILED,
    INTERRUPTED;

    /** A terminal run never changes again. */
    public boolean isTerminal() {
        return this != QUEUED && this != RUNNING;
    }

    /**
     * Whether a run in this status may move to {@code next}. A queued run may end without starting: cancelled
     * by its user, failed before it sent a request, interrupted by a restart.
     */
    public boolean canBecome(RunStatus next) {
        return switch (this) {
            case QUEUED -> Set.of(RUNNING, CANCELLED, FAILED, INTERRUPTED).contains(next);
            case RUNNING -> Set.of(COMPLETED, CANCELLED, FAILED, INTERRUPTED).contains(next);
            case COMPLETED, CANCELLED, FAILED, INTERRUPTED -> false;
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(status -> status.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown run status: " + wireName));
    }
}
