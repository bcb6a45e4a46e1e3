package dev.llmworkbench.application.files;

import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.files.FilePurpose;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code POST /v1/files} asks for besides the bytes: the file's name, its purpose and, optionally, how long after
 * its creation it expires. Checked as OpenAI checks an upload.
 */
public record UploadRequest(String filename, FilePurpose purpose, Optional<Duration> expiresAfter) {
    /** The purposes OpenAI's CreateFileRequest accepts; the others name files the server writes itself. */
    public static final Set<FilePurpose> UPLOADABLE = EnumSet.of(FilePurpose.ASSISTANTS, FilePurpose.BATCH,
            FilePurpose.FINE_TUNE, FilePurpose.VISION, FilePurpose.USER_DATA);
    // FileExpirationAfter.seconds: "Must be between 3600 (1 hour) and 2592000 (30 days)."
    static final Duration MIN_EXPIRY = Duration.ofHours(1);
    static final Duration MAX_EXPIRY = Duration.ofDays(30);

    public UploadRequest {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(expiresAfter, "expiresAfter");
        if (filename.isBlank()) {
            throw new InvalidRequestException("file", "The uploaded file has no filename.");
        }
        if (!UPLOADABLE.contains(purpose)) {
            throw new InvalidRequestException("purpose", "invalid_value", "Invalid value for 'purpose': '" + purpose.wire()
                    + "' names files the server writes. Expected one of assistants, batch, fine-tune, vision, user_data.");
        }
        // The Batch API reads JSONL; OpenAI refuses a batch upload of any other extension at upload time.
        if (purpose == FilePurpose.BATCH && !filename.toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            throw new InvalidRequestException("file", "invalid_file_format",
                    "Invalid file format for Batch API. Must be .jsonl");
        }
        expiresAfter.ifPresent(after -> {
            if (after.compareTo(MIN_EXPIRY) < 0 || after.compareTo(MAX_EXPIRY) > 0) {
                throw new InvalidRequestException("expires_after[seconds]", "invalid_value",
                        "Invalid 'expires_after[seconds]': must be between 3600 (1 hour) and 2592000 (30 days), got "
                                + after.toSeconds() + ".");
            }
        });
    }
}
