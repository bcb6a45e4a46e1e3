package dev.llmworkbench.domain.chat;

import java.util.Locale;
import java.util.Optional;

public enum ImageDetail {
    LOW, HIGH, AUTO;

    public static Optional<ImageDetail> fromWire(String value) {
        for (ImageDetail detail : values()) {
            if (detail.name().toLowerCase(Locale.ROOT).equals(value)) {
                return Optional.of(detail);
            }
        }
        return Optional.empty();
    }
}
