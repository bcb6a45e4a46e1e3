package dev.llmworkbench.domain.files;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A file about to be written to the store: its name, purpose and expiry, and the most bytes it may have. Writing
 * more than {@code maxBytes} fails with {@link FileTooLargeException} and leaves nothing behind.
 */
public record NewFile(String filename, FilePurpose purpose, Optional<Instant> expiresAt, long maxBytes) {
    public NewFile {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (filename.isBlank()) {
            throw new IllegalArgumentException("a file needs a name");
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
    }
}
