package dev.llmworkbench.domain.chat;

import java.util.Locale;

public enum FinishReason {
    STOP, LENGTH, TOOL_CALLS;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
