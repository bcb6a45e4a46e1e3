package dev.llmworkbench.domain.chat;

import java.util.Locale;

public enum FinishReason {
    STOP, LENGTH, TOOL_CALLS;

    // Computed once: the hot path renders roles and finish reasons for every request.
    private final String wire = name().toLowerCase(Locale.ROOT);

    public String wire() {
        return wire;
    }
}
