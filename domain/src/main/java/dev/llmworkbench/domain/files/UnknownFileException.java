package dev.llmworkbench.domain.files;

import dev.llmworkbench.domain.NotFoundException;

/** No file has this id, or it was deleted or has expired: a 404 in OpenAI's words. */
public final class UnknownFileException extends NotFoundException {
    public UnknownFileException(String id) {
        super("id", null, "No such File object: " + id);
    }
}
