package dev.llmworkbench.rest.files;

import dev.llmworkbench.application.files.UploadFile;
import dev.llmworkbench.application.files.UploadRequest;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.files.FilePurpose;
import dev.llmworkbench.domain.files.StoredFile;
import dev.llmworkbench.rest.ApiException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the form of {@code POST /v1/files} ({@code file}, {@code purpose}, {@code expires_after[anchor]},
 * {@code expires_after[seconds]}, in any order) and keeps the file. The file's part is spooled to a temporary file
 * first, since clients send it before or after the purpose (the Java SDK first, the Python SDK last), and the store
 * needs the purpose before the bytes; the spool is counted against the same limit and always deleted.
 */
public final class FileUploads {
    private static final int MAX_FIELD_BYTES = 1024;

    private final UploadFile upload;
    private final Path spoolFolder;

    public FileUploads(UploadFile upload, Path spoolFolder) {
        this.upload = upload;
        this.spoolFolder = spoolFolder;
    }

    long maxBytes() {
        return upload.maxBytes();
    }

    StoredFile read(InputStream body, String boundary) throws IOException {
        MultipartReader form = MultipartReader.of(body, boundary);
        Path spool = null;
        String filename = null;
        String purpose = null;
        String anchor = null;
        String seconds = null;
        try {
            for (Optional<MultipartReader.Head> part = form.next(); part.isPresent(); part = form.next()) {
                String name = part.get().name();
                switch (name) {
                    case "file" -> {
                        if (spool != null) {
                            throw ApiException.invalid("file", "Only one 'file' may be uploaded at a time.");
                        }
                        filename = part.get().filename().orElseThrow(() -> ApiException.invalid("file",
                                "'file' must be a file (a part with a filename), not a text field."));
                        spool = Files.createTempFile(spoolFolder, "workbench-upload-", ".part");
                        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(spool), MultipartReader.BUFFER_BYTES)) {
                            form.transferTo(out, upload.maxBytes());
                        }
                    }
                    case "purpose" -> purpose = form.text(name, MAX_FIELD_BYTES);
                    case "expires_after[anchor]" -> anchor = form.text(name, MAX_FIELD_BYTES);
                    case "expires_after[seconds]" -> seconds = form.text(name, MAX_FIELD_BYTES);
                    default -> throw ApiException.invalid(ApiException.excerpt(name, 64),
                            "Unrecognized request argument supplied: " + ApiException.excerpt(name, 64));
                }
            }
            if (spool == null) {
                throw missing("file");
            }
            if (purpose == null) {
                throw missing("purpose");
            }
            Path bytes = spool;
            return upload.upload(new UploadRequest(filename, FilePurpose.parse(purpose), expiry(anchor, seconds)),
                    out -> Files.copy(bytes, out));
        } finally {
            if (spool != null) {
                Files.deleteIfExists(spool);
            }
        }
    }

    private static Optional<Duration> expiry(String anchor, String seconds) {
        if (anchor == null && seconds == null) {
            return Optional.empty();
        }
        if (anchor == null) {
            throw missing("expires_after[anchor]");
        }
        if (!anchor.equals("created_at")) {
            throw new InvalidRequestException("expires_after[anchor]", "invalid_value", "Invalid value for "
                    + "'expires_after[anchor]': '" + ApiException.excerpt(anchor, 40) + "'. Expected 'created_at'.");
        }
        if (seconds == null) {
            throw missing("expires_after[seconds]");
        }
        if (!seconds.matches("\\d{1,10}")) {
            throw ApiException.invalid("expires_after[seconds]", "Invalid 'expires_after[seconds]': expected an integer, got '"
                    + ApiException.excerpt(seconds, 20) + "'.");
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(seconds)));
    }

    private static ApiException missing(String param) {
        return ApiException.invalid(param, "Missing required parameter: '" + param + "'.");
    }
}
