package dev.llmworkbench.domain.chat;

import java.util.Arrays;
import java.util.Optional;

/** The JSON Schema string formats OpenAI's structured outputs support. */
public enum StringFormat {
    DATE_TIME("date-time"), DATE("date"), TIME("time"), DURATION("duration"), EMAIL("email"), HOSTNAME("hostname"),
    IPV4("ipv4"), IPV6("ipv6"), UUID("uuid");

    private final String wire;

    StringFormat(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<StringFormat> fromWire(String wire) {
        return Arrays.stream(values()).filter(format -> format.wire.equals(wire)).findFirst();
    }
}
