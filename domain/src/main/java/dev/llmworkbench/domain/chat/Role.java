package dev.llmworkbench.domain.chat;

import java.util.Locale;
import java.util.Optional;

/** Message author roles of OpenAI's chat API; {@code wire} is the JSON value. */
public enum Role {
    SYSTEM, DEVELOPER, USER, ASSISTANT, TOOL, FUNCTION;

    // Computed once: the hot path renders roles and finish reasons for every request.
    private final String wire = name().toLowerCase(Locale.ROOT);

    public String wire() {
        return wire;
    }

    public static Optional<Role> fromWire(String value) {
        for (Role role : values()) {
            if (role.wire().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
