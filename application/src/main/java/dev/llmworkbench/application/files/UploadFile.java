package dev.llmworkbench.application.files;

import dev.llmworkbench.application.files.port.FileStore;
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
    private final Clock clock;

    public UploadFile(FileStore store, long maxBytes, Clock clock) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.store = store;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public StoredFile upload(UploadRequest request, FileStore.Content content) throws IOException {
        Optional<Duration> expiry = request.expiresAfter()
                .or(() -> request.purpose() == FilePurpose.BATCH ? Optional.of(BATCH_EXPIRY) : Optional.empty());
        return store.save(new NewFile(request.filename(), request.purpose(), expiry.map(clock.instant()::plus), maxBytes),
                content);
    }

    public long maxBytes() {
        return maxBytes;
    }
}
