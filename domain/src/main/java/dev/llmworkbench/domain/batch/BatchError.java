package dev.llmworkbench.domain.batch;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One entry of a failed batch's {@code errors.data}: OpenAI's {@code BatchError}, with the 1-based {@code line} of
 * the input file when the error is in one line.
 */
public record BatchError(String code, String message, Optional<String> param, OptionalInt line) {
    public BatchError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(line, "line");
        if (line.isPresent() && line.getAsInt() < 1) {
            throw new IllegalArgumentException("lines are numbered from 1: " + line.getAsInt());
        }
    }

    public static BatchError atLine(int line, String code, String param, String message) {
        return new BatchError(code, message, Optional.ofNullable(param), OptionalInt.of(line));
    }

    public static BatchError ofFile(String code, String message) {
        return new BatchError(code, message, Optional.empty(), OptionalInt.empty());
    }
}
