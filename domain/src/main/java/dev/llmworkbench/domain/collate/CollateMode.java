package dev.llmworkbench.domain.collate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a collated request is answered, as batch-gpt names its modes: {@code sync} holds the caller until its batch
 * completes, {@code async} answers 202 with a URL to fetch the result later, {@code cache} serves an identical request
 * already answered at once and is {@code async} otherwise.
 */
public enum CollateMode {
    SYNC("sync"),
    ASYNC("async"),
    CACHE("cache");

    private final String wire;

    CollateMode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<CollateMode> fromWire(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(mode -> mode.wire.equals(wanted)).findFirst();
    }
}
