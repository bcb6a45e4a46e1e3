package dev.llmworkbench.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmworkbench.application.files.port.FileStore;
import dev.llmworkbench.domain.files.FilePurpose;
import dev.llmworkbench.domain.files.NewFile;
import dev.llmworkbench.domain.files.StoredFile;
import dev.llmworkbench.persistence.FileStoreContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteFileStoreTest extends FileStoreContract {
    @TempDir
    Path dataDir;

    private SqliteStore store;
    private SqliteFileStore files;

    @Override
    protected FileStore store() {
        if (files == null) {
            store = SqliteStore.open(dataDir);
            files = new SqliteFileStore(store, clock);
        }
        return files;
    }

    @Override
    protected Set<String> storedNames() throws IOException {
        try (Stream<Path> entries = Files.list(dataDir.resolve(SqliteFileStore.FOLDER))) {
            return entries.map(entry -> entry.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void reopeningRemovesWhatACrashLeftAndKeepsEveryStoredFile() throws IOException {
        StoredFile kept = store().save(new NewFile("kept.jsonl", FilePurpose.BATCH, Optional.empty(), 100), out -> out.write('k'));
        Path folder = dataDir.resolve(SqliteFileStore.FOLDER);
        Files.writeString(folder.resolve("upload-123.part"), "half an upload");
        Files.writeString(folder.resolve("file-movedButNeverRecorded0"), "bytes with no row");
        store.close();
        store = SqliteStore.open(dataDir);
        files = new SqliteFileStore(store, clock);
        assertEquals(Set.of(kept.id()), storedNames());
        assertEquals(Optional.of(kept), files.find(kept.id()));
    }
}
