package dev.llmworkbench.application.batch;

import dev.llmworkbench.application.files.port.FilePage;
import dev.llmworkbench.application.files.port.FileQuery;
import dev.llmworkbench.application.files.port.FileStore;
import dev.llmworkbench.domain.NotFoundException;
import dev.llmworkbench.domain.files.FilePurpose;
import dev.llmworkbench.domain.files.NewFile;
import dev.llmworkbench.domain.files.StoredFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Files in memory, for the batch tests: the files helper's SQLite store is tested on its own. */
final class MemoryFileStore implements FileStore {
    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    String upload(String content, FilePurpose purpose) {
        try {
            return save(new NewFile("input.jsonl", purpose, Optional.empty(), 1 << 20),
                    out -> out.write(content.getBytes(StandardCharsets.UTF_8))).id();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    String text(String id) {
        return new String(bytes.get(id), StandardCharsets.UTF_8);
    }

    @Override
    public StoredFile save(NewFile file, Content content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        content.writeTo(out);
        StoredFile stored = new StoredFile("file-" + next.incrementAndGet(), out.size(), Instant.EPOCH, file.expiresAt(),
                file.filename(), file.purpose());
        bytes.put(stored.id(), out.toByteArray());
        files.put(stored.id(), stored);
        return stored;
    }

    @Override
    public Optional<StoredFile> find(String id) {
        return Optional.ofNullable(files.get(id));
    }

    @Override
    public InputStream open(String id) {
        byte[] content = bytes.get(id);
        if (content == null) {
            throw new NotFoundException("file_id", null, "No such File object: " + id);
        }
        return new ByteArrayInputStream(content);
    }

    @Override
    public FilePage list(FileQuery query) {
        return new FilePage(List.copyOf(files.values()), false);
    }

    @Override
    public long count() {
        return files.size();
    }

    @Override
    public boolean delete(String id) {
        bytes.remove(id);
        return files.remove(id) != null;
    }

    @Override
    public int pruneExpired() {
        return 0;
    }
}
