package dev.llmworkbench.domain.files;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A file kept by the Files API: an upload ({@code batch} and the other input purposes) or a file the batch server
 * wrote ({@code batch_output}). Its bytes live on disk; this is what OpenAI's {@code OpenAIFile} object says of it.
 *
 * @param expiresAt when the file is deleted by itself, empty when it is kept until deleted
 */
public record StoredFile(String id, long bytes, Instant createdAt, Optional<Instant> expiresAt, String filename,
                         FilePurpose purpose) {
    public StoredFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(purpose, "purpose");
        if (!id.startsWith("file-")) {
            throw new IllegalArgumentException("a file id starts with file-: " + id);
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
    }
}
