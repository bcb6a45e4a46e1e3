package dev.llmworkbench.domain.batch;

import java.util.Objects;
import java.util.Optional;

/** One line of a batch's input file as read: a request object, whatever it holds, or a line that is not JSON. */
public sealed interface InputLine {
    /** 1-based, counting every line of the file but the blank ones at its end. */
    int line();

    /**
     * A JSON object; each field is empty when absent or not a string ({@code body} when not an object).
     *
     * @param body  the request's body as JSON text, its {@code model} already replaced by {@code metadata.model} if given
     * @param model the body's {@code model}
     */
    record Request(int line, Optional<String> customId, Optional<String> method, Optional<String> url,
                   Optional<String> body, Optional<String> model) implements InputLine {
        public Request {
            Objects.requireNonNull(customId, "customId");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(model, "model");
        }
    }

    record Unparsable(int line) implements InputLine {
    }
}
