package dev.llmworkbench.application.batch.port;

import dev.llmworkbench.domain.batch.LineAnswer;
import java.util.Objects;

/** A line's answer and its line of the output or error file (JSON), as the store records them together. */
public record AnsweredLine(LineAnswer answer, String fileLine) {
    public AnsweredLine {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(fileLine, "fileLine");
    }
}
