package dev.llmworkbench.application.files;

import dev.llmworkbench.application.files.port.FileStore;
import dev.llmworkbench.domain.files.StoredFile;
import dev.llmworkbench.domain.files.UnknownFileException;

/** {@code GET /v1/files/{id}}. */
public final class GetFile {
    private final FileStore store;

    public GetFile(FileStore store) {
        this.store = store;
    }

    public StoredFile get(String id) {
        return store.find(id).orElseThrow(() -> new UnknownFileException(id));
    }
}
