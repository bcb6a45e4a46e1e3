package dev.llmworkbench.application.collate;

import dev.llmworkbench.domain.collate.CollateMode;
import java.util.Objects;

/**
 * A chat completion request for a collate route.
 *
 * @param body        the request's JSON on one line, as its batch line carries it
 * @param requestHash the same for identical requests (the cache mode's key), whatever their key order
 */
public record CollateCommand(String route, String model, String requestHash, String body, CollateMode mode) {
    public CollateCommand {
        for (String field : new String[] {route, model, requestHash, body}) {
            if (field == null || field.isBlank()) {
                throw new IllegalArgumentException("a collated request needs its route, model, hash and body");
            }
        }
        if (body.indexOf('\n') >= 0 || body.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a batch line is one line: the body must be compact JSON");
        }
        Objects.requireNonNull(mode, "mode");
    }
}
