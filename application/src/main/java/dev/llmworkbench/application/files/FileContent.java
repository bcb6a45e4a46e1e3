package dev.llmworkbench.application.files;

import dev.llmworkbench.domain.files.StoredFile;
import java.io.InputStream;
import java.util.Objects;

/** A file and its bytes from the start; whoever reads {@code bytes} closes it. */
public record FileContent(StoredFile file, InputStream bytes) {
    public FileContent {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(bytes, "bytes");
    }
}
