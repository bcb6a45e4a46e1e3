package dev.llmworkbench.domain.responses;

import java.util.Locale;

/** The status of a response or of one of its items: the values both share in OpenAI's Responses API. */
public enum Status {
    IN_PROGRESS, COMPLETED, INCOMPLETE;

    private final String wire = name().toLowerCase(Locale.ROOT);

    public String wire() {
        return wire;
    }
}
