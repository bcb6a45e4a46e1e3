package dev.llmworkbench.application.files;

import dev.llmworkbench.application.files.port.FileStore;
import dev.llmworkbench.domain.files.StoredFile;
import dev.llmworkbench.domain.files.UnknownFileException;
import java.io.IOException;

/** {@code GET /v1/files/{id}/content}: the file's bytes as a stream, never read whole into memory. */
public final class GetFileContent {
    private final FileStore store;

    public GetFileContent(FileStore store) {
        this.store = store;
    }

    public FileContent open(String id) throws IOException {
        StoredFile file = store.find(id).orElseThrow(() -> new UnknownFileException(id));
        return new FileContent(file, store.open(id));
    }
}
