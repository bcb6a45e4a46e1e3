package dev.llmworkbench.application.files.port;

import dev.llmworkbench.domain.files.StoredFile;
import java.util.List;

/** The files of one page, and whether more follow the last of them. */
public record FilePage(List<StoredFile> files, boolean hasMore) {
    public FilePage {
        files = List.copyOf(files);
    }
}
