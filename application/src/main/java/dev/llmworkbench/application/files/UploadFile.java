package dev.llmworkbench.application.files;

import dev.llmworkbench.application.files.port.FileStore;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.files.FilePurpose;
import dev.llmworkbench.domain.files.NewFile;
import dev.llmworkbench.domain.files.StoredFile;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** {@code POST /v1/files}: keeps an upload of at most {@code maxBytes}, all of it or nothing. */
public final class UploadFile {
    // FileExpirationAfter: "By default, files with purpose=batch expire after 30 days".
    static final Duration BATCH_EXPIRY = Duration.ofDays(30);

    private final FileStore store;
    private final long maxBytes;
    private final long maxCount;
    private final Clock clock;

    /** @param maxCount the most files the store may keep ({@code workbench.files.max-count}); batch output files count too */
    public UploadFile(FileStore store, long maxBytes, long maxCount, Clock clock) {
        if (maxBytes <= 0 || maxCount <= 0) {
            throw new IllegalArgumentException("maxBytes and maxCount must be positive: " + maxBytes + ", " + maxCount);
        }
        this.store = store;
        this.maxBytes = maxBytes;
        this.maxCount = maxCount;
        this.clock = clock;
    }

    /** @throws InvalidRequestException naming {@code file} when the store already keeps {@code maxCount} files */
    public StoredFile upload(UploadRequest request, FileStore.Content content) throws IOException {
        // Counted before the content is read; uploads racing past it may pass the count by the few in flight.
        long kept = store.count();
        if (kept >= maxCount) {
            throw new InvalidRequestException("file", "files_limit_reached", "The server keeps " + kept
                    + " files, the most workbench.files.max-count allows: delete some before uploading more.");
        }
        Optional<Duration> expiry = request.expiresAfter()
                .or(() -> request.purpose() == FilePurpose.BATCH ? Optional.of(BATCH_EXPIRY) : Optional.empty());
        return store.save(new NewFile(request.filename(), request.purpose(), expiry.map(clock.instant()::plus), maxBytes),
                content);
    }

    public long maxBytes() {
        return maxBytes;
    }
}
