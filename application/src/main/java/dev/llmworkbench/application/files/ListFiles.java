package dev.llmworkbench.application.files;

import dev.llmworkbench.application.files.port.FilePage;
import dev.llmworkbench.application.files.port.FileQuery;
import dev.llmworkbench.application.files.port.FileStore;

/** {@code GET /v1/files}: a page of files, newest first unless asked otherwise. */
public final class ListFiles {
    /** OpenAI's default {@code limit}, which is also its largest. */
    public static final int DEFAULT_LIMIT = FileQuery.MAX_LIMIT;

    private final FileStore store;

    public ListFiles(FileStore store) {
        this.store = store;
    }

    public FilePage list(FileQuery query) {
        return store.list(query);
    }
}
