package dev.llmworkbench.domain.files;

import dev.llmworkbench.domain.InvalidRequestException;
import java.util.Arrays;

/** A file's {@code purpose}, as OpenAI's Files API names it on the wire. */
public enum FilePurpose {
    ASSISTANTS("assistants"),
    ASSISTANTS_OUTPUT("assistants_output"),
    BATCH("batch"),
    BATCH_OUTPUT("batch_output"),
    FINE_TUNE("fine-tune"),
    FINE_TUNE_RESULTS("fine-tune-results"),
    VISION("vision"),
    USER_DATA("user_data");

    private final String wire;

    FilePurpose(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The purpose named {@code wire}; anything else is the caller's mistake. */
    public static FilePurpose parse(String wire) {
        return Arrays.stream(values()).filter(p -> p.wire.equals(wire)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("purpose", "invalid_value",
                        "Invalid value for 'purpose': '" + wire + "'. Expected one of "
                                + String.join(", ", Arrays.stream(values()).map(FilePurpose::wire).toList()) + "."));
    }
}
