package dev.llmworkbench.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.application.files.port.FilePage;
import dev.llmworkbench.application.files.port.FileQuery;
import dev.llmworkbench.application.files.port.FileStore;
import dev.llmworkbench.domain.NotFoundException;
import dev.llmworkbench.domain.files.FilePurpose;
import dev.llmworkbench.domain.files.FileTooLargeException;
import dev.llmworkbench.domain.files.NewFile;
import dev.llmworkbench.domain.files.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link FileStore} adapter must do, written once; each adapter's test extends it with real storage. */
public abstract class FileStoreContract {
    private static final long LIMIT = 1_000;

    /** A clock the tests move; the store reads it for creation times and expiry. */
    protected static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T12:00:00Z");

        public void advanceSeconds(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    protected final TestClock clock = new TestClock();

    /** The store under test, on storage fresh for each test, reading {@link #clock}. */
    protected abstract FileStore store();

    /** The names of everything the store keeps on its storage besides its rows: bytes, temporary files. */
    protected abstract Set<String> storedNames() throws IOException;

    private static NewFile file(String name, FilePurpose purpose) {
        return new NewFile(name, purpose, Optional.empty(), LIMIT);
    }

    private StoredFile save(String name, FilePurpose purpose, String text) throws IOException {
        return store().save(file(name, purpose), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] content(String id) throws IOException {
        try (InputStream in = store().open(id)) {
            return in.readAllBytes();
        }
    }

    @Test
    void keepsTheBytesAndDescribesTheFileAsWritten() throws IOException {
        StoredFile saved = save("input.jsonl", FilePurpose.BATCH, "{\"custom_id\":\"ü\"}\n");
        assertTrue(saved.id().matches("file-[A-Za-z0-9_-]{24}"), saved.id());
        assertEquals(19, saved.bytes());
        assertEquals(Instant.parse("2026-03-01T12:00:00Z"), saved.createdAt());
        assertEquals(Optional.of(saved), store().find(saved.id()));
        assertArrayEquals("{\"custom_id\":\"ü\"}\n".getBytes(StandardCharsets.UTF_8), content(saved.id()));
        assertEquals(Set.of(saved.id()), storedNames());
    }

    @Test
    void aFileOfExactlyTheLimitIsKeptAndOneByteMoreLeavesNothing() throws IOException {
        StoredFile full = store().save(file("full.bin", FilePurpose.USER_DATA), out -> out.write(new byte[(int) LIMIT]));
        assertEquals(LIMIT, full.bytes());
        FileTooLargeException refused = assertThrows(FileTooLargeException.class, () -> store().save(
                file("big.bin", FilePurpose.USER_DATA), out -> {
                    for (int i = 0; i <= LIMIT; i++) {
                        out.write('x');
                    }
                }));
        assertEquals(LIMIT, refused.maxBytes());
        assertEquals(Set.of(full.id()), storedNames());
        assertEquals(List.of(full), store().list(new FileQuery(Optional.empty(), 100, true, Optional.empty())).files());
    }

    @Test
    void aWriterThatFailsHalfwayLeavesNoRowAndNoBytes() throws IOException {
        IOException cut = new IOException("client went away");
        IOException thrown = assertThrows(IOException.class, () -> store().save(file("half.jsonl", FilePurpose.BATCH), out -> {
            out.write("{\"half\":".getBytes(StandardCharsets.UTF_8));
            throw cut;
        }));
        assertEquals(cut, thrown);
        assertEquals(Set.of(), storedNames());
        assertEquals(List.of(), store().list(new FileQuery(Optional.empty(), 100, false, Optional.empty())).files());
    }

    @Test
    void pagesByCreationInBothOrdersWithTheCursorAndHasMore() throws IOException {
        List<StoredFile> saved = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            saved.add(save("f" + i + ".jsonl", FilePurpose.BATCH, "x"));
            clock.advanceSeconds(1);
        }
        FilePage first = store().list(new FileQuery(Optional.empty(), 2, true, Optional.empty()));
        assertEquals(List.of(saved.get(0), saved.get(1)), first.files());
        assertTrue(first.hasMore());
        FilePage last = store().list(new FileQuery(Optional.empty(), 2, true, Optional.of(saved.get(2).id())));
        assertEquals(List.of(saved.get(3), saved.get(4)), last.files());
        assertFalse(last.hasMore());
        FilePage newest = store().list(new FileQuery(Optional.empty(), 3, false, Optional.empty()));
        assertEquals(List.of(saved.get(4), saved.get(3), saved.get(2)), newest.files());
        assertTrue(newest.hasMore());
        FilePage older = store().list(new FileQuery(Optional.empty(), 3, false, Optional.of(saved.get(2).id())));
        assertEquals(List.of(saved.get(1), saved.get(0)), older.files());
        assertFalse(older.hasMore());
    }

    @Test
    void listsOnlyTheFilesOfThePurposeAskedFor() throws IOException {
        StoredFile input = save("in.jsonl", FilePurpose.BATCH, "a");
        clock.advanceSeconds(1);
        save("notes.txt", FilePurpose.USER_DATA, "b");
        clock.advanceSeconds(1);
        StoredFile output = save("out.jsonl", FilePurpose.BATCH_OUTPUT, "c");
        assertEquals(List.of(input), store().list(new FileQuery(Optional.of(FilePurpose.BATCH), 10, false, Optional.empty())).files());
        assertEquals(List.of(output),
                store().list(new FileQuery(Optional.of(FilePurpose.BATCH_OUTPUT), 10, false, Optional.empty())).files());
    }

    @Test
    void deleteRemovesTheRowAndTheBytesAndASecondDeleteFindsNothing() throws IOException {
        StoredFile saved = save("gone.jsonl", FilePurpose.BATCH, "bye");
        assertTrue(store().delete(saved.id()));
        assertEquals(Optional.empty(), store().find(saved.id()));
        assertThrows(NotFoundException.class, () -> store().open(saved.id()));
        assertEquals(Set.of(), storedNames());
        assertFalse(store().delete(saved.id()));
    }

    @Test
    void anExpiredFileIsNeitherFoundNorListedNorOpened() throws IOException {
        StoredFile expiring = store().save(new NewFile("soon.jsonl", FilePurpose.BATCH,
                Optional.of(clock.instant().plusSeconds(3600)), LIMIT), out -> out.write('x'));
        assertEquals(Optional.of(Instant.parse("2026-03-01T13:00:00Z")), expiring.expiresAt());
        clock.advanceSeconds(3599);
        assertEquals(Optional.of(expiring), store().find(expiring.id()));
        clock.advanceSeconds(1);
        assertEquals(Optional.empty(), store().find(expiring.id()));
        assertEquals(List.of(), store().list(new FileQuery(Optional.empty(), 10, false, Optional.empty())).files());
        assertThrows(NotFoundException.class, () -> store().open(expiring.id()));
        assertFalse(store().delete(expiring.id()));
    }

    @Test
    void pruningDeletesTheRowsAndBytesOfExpiredFilesOnly() throws IOException {
        StoredFile expiring = store().save(new NewFile("soon.jsonl", FilePurpose.BATCH,
                Optional.of(clock.instant().plusSeconds(60)), 100), out -> out.write('s'));
        StoredFile kept = store().save(new NewFile("kept.jsonl", FilePurpose.BATCH, Optional.empty(), 100), out -> out.write('k'));
        assertEquals(0, store().pruneExpired());
        clock.advanceSeconds(60);
        assertEquals(1, store().pruneExpired());
        assertEquals(Set.of(kept.id()), storedNames());
        assertEquals(Optional.empty(), store().find(expiring.id()));
        assertEquals(0, store().pruneExpired());
    }

    @Test
    void aFileOfManyMegabytesStreamsBackByteForByteAndAnEmptyFileIsKept() throws IOException {
        // 5 MiB and 7 bytes: past any store's buffer and chunk sizes (GridFS: 255 KiB), ending mid-chunk.
        int size = 5 * 1024 * 1024 + 7;
        StoredFile big = store().save(new NewFile("big.bin", FilePurpose.USER_DATA, Optional.empty(), size), out -> {
            for (int i = 0; i < size; i++) {
                out.write(i % 251);
            }
        });
        assertEquals(size, big.bytes());
        byte[] expected = new byte[size];
        for (int i = 0; i < size; i++) {
            expected[i] = (byte) (i % 251);
        }
        assertArrayEquals(expected, content(big.id()));
        StoredFile empty = store().save(file("empty.txt", FilePurpose.USER_DATA), out -> { });
        assertEquals(0, empty.bytes());
        assertArrayEquals(new byte[0], content(empty.id()));
        assertEquals(Optional.of(empty), store().find(empty.id()));
    }

    @Test
    void filesOfTheSameSecondAreOrderedByIdAndAnUnknownCursorGivesAnEmptyPage() throws IOException {
        List<StoredFile> saved = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            saved.add(save("s" + i + ".jsonl", FilePurpose.BATCH, "x"));
        }
        List<StoredFile> byId = saved.stream().sorted(Comparator.comparing(StoredFile::id)).toList();
        assertEquals(byId, store().list(new FileQuery(Optional.empty(), 10, true, Optional.empty())).files());
        assertEquals(byId.reversed(), store().list(new FileQuery(Optional.empty(), 10, false, Optional.empty())).files());
        assertEquals(byId.subList(2, 4), store().list(new FileQuery(Optional.empty(), 10, true, Optional.of(byId.get(1).id()))).files());
        FilePage unknown = store().list(new FileQuery(Optional.empty(), 10, true, Optional.of("file-unknown")));
        assertEquals(List.of(), unknown.files());
        assertFalse(unknown.hasMore());
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertEquals(Optional.empty(), store().find("file-unknown"));
        NotFoundException missing = assertThrows(NotFoundException.class, () -> store().open("file-unknown"));
        assertEquals("No such File object: file-unknown", missing.getMessage());
    }

    @Test
    void countsTheFilesKeptNeitherDeletedNorExpired() throws IOException {
        assertEquals(0, store().count());
        StoredFile kept = save("kept.txt", FilePurpose.USER_DATA, "a");
        StoredFile deleted = save("deleted.txt", FilePurpose.USER_DATA, "b");
        store().save(new NewFile("soon.jsonl", FilePurpose.BATCH, Optional.of(clock.instant().plusSeconds(60)), LIMIT), out -> out.write('x'));
        assertEquals(3, store().count());
        store().delete(deleted.id());
        clock.advanceSeconds(60);
        assertEquals(1, store().count());
        assertEquals(Optional.of(kept), store().find(kept.id()));
    }
}
