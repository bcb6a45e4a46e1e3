package dev.llmworkbench.application.files;

import dev.llmworkbench.application.files.port.FileStore;
import dev.llmworkbench.domain.files.UnknownFileException;

/** {@code DELETE /v1/files/{id}}: the row and the bytes; an unknown id is a 404, as a second delete is. */
public final class DeleteFile {
    private final FileStore store;

    public DeleteFile(FileStore store) {
        this.store = store;
    }

    public void delete(String id) {
        if (!store.delete(id)) {
            throw new UnknownFileException(id);
        }
    }
}
