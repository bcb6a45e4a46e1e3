package dev.llmworkbench.domain.chat;

import java.util.Locale;
import java.util.Optional;

/** Message author roles of OpenAI's chat API; {@code wire} is the JSON value. */
public enum Role {
    SYSTEM, DEVELOPER, USER, ASSISTANT, TOOL, FUNCTION;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
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
