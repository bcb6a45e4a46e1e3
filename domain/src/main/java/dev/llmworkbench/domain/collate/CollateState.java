package dev.llmworkbench.domain.collate;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a collated request is: in an open window, in an upstream batch, answered (with its line's own status, which
 * may be an error the upstream gave that one request) or failed (no answer: the batch failed, expired or was cancelled,
 * or could not be created).
 */
public enum CollateState {
    WAITING("waiting"),
    SUBMITTED("submitted"),
    ANSWERED("answered"),
    FAILED("failed");

    private final String wire;

    CollateState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<CollateState> fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }

    public boolean isFinal() {
        return this == ANSWERED || this == FAILED;
    }
}
