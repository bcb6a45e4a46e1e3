package dev.llmworkbench.rest.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.application.files.UploadFile;
import dev.llmworkbench.application.files.port.FilePage;
import dev.llmworkbench.application.files.port.FileQuery;
import dev.llmworkbench.application.files.port.FileStore;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.files.FilePurpose;
import dev.llmworkbench.domain.files.FileTooLargeException;
import dev.llmworkbench.domain.files.NewFile;
import dev.llmworkbench.domain.files.StoredFile;
import dev.llmworkbench.rest.ApiException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileUploadsTest {
    private static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    /** Keeps the last file in memory, as the store would on disk. */
    private static final class MemoryStore implements FileStore {
        NewFile file;
        byte[] bytes;

        @Override
        public StoredFile save(NewFile file, Content content) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            content.writeTo(out);
            this.file = file;
            this.bytes = out.toByteArray();
            return new StoredFile("file-abc", bytes.length, NOW, file.expiresAt(), file.filename(), file.purpose());
        }

        @Override
        public Optional<StoredFile> find(String id) {
            return Optional.empty();
        }

        @Override
        public InputStream open(String id) {
            return InputStream.nullInputStream();
        }

        @Override
        public FilePage list(FileQuery query) {
            return new FilePage(List.of(), false);
        }

        @Override
        public long count() {
            return file == null ? 0 : 1;
        }

        @Override
        public boolean delete(String id) {
            return false;
        }

        @Override
        public int pruneExpired() {
            return 0;
        }
    }

    @TempDir
    Path spool;

    private final MemoryStore store = new MemoryStore();

    private FileUploads uploads(long maxBytes) {
        return new FileUploads(new UploadFile(store, maxBytes, 1000, Clock.fixed(NOW, ZoneOffset.UTC)), spool);
    }

    private static byte[] form(byte[] file, String... fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("a preamble that nobody reads\r\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < fields.length; i += 2) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (i == 0 && file != null) {
                body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\data\\in.jsonl\""
                        + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.writeBytes(file);
                body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private StoredFile upload(long maxBytes, byte[] body) throws IOException {
        return uploads(maxBytes).read(new ByteArrayInputStream(body), BOUNDARY);
    }

    private static byte[] awkward(int size) {
        // Random bytes laced with line breaks and near-boundaries, which the body must carry through unchanged.
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] near = ("\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1)).getBytes(StandardCharsets.US_ASCII);
        for (int at = 0; at + near.length < size; at += 9_973) {
            System.arraycopy(near, 0, bytes, at, near.length);
            bytes[at + near.length] = 'X';
        }
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65_535, 65_536, 65_537, 65_536 - 42, 65_536 * 3 + 7, 1_000_000})
    void carriesEveryByteOfTheFileWhateverItsSizeAgainstTheBuffer(int size) throws IOException {
        byte[] file = awkward(size);
        StoredFile stored = upload(2_000_000, form(file, "purpose", "batch"));
        assertArrayEquals(file, store.bytes);
        assertEquals(size, stored.bytes());
        assertEquals("in.jsonl", store.file.filename());
    }

    @Test
    void readsThePurposeAndTheExpiryWhetherTheyComeBeforeOrAfterTheFile() throws IOException {
        byte[] file = "{\"custom_id\":\"a\"}\n".getBytes(StandardCharsets.UTF_8);
        upload(100, form(file, "purpose", "user_data", "expires_after[anchor]", "created_at", "expires_after[seconds]", "3600"));
        assertEquals(new NewFile("in.jsonl", FilePurpose.USER_DATA, Optional.of(NOW.plusSeconds(3600)), 100), store.file);
        String fileFirst = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.jsonl\"\r\n\r\n"
                + "{}\n\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n--" + BOUNDARY + "--";
        upload(100, fileFirst.getBytes(StandardCharsets.UTF_8));
        assertEquals(new NewFile("b.jsonl", FilePurpose.BATCH, Optional.of(NOW.plusSeconds(30 * 86_400)), 100), store.file);
        assertArrayEquals("{}\n".getBytes(StandardCharsets.UTF_8), store.bytes);
    }

    @Test
    void aFileOverTheLimitIsRefusedAndItsSpoolDeleted() throws IOException {
        assertThrows(FileTooLargeException.class, () -> upload(10, form(new byte[11], "purpose", "batch")));
        try (Stream<Path> left = Files.list(spool)) {
            assertEquals(List.of(), left.toList());
        }
        assertEquals(null, store.file);
    }

    @Test
    void aBodyCutBeforeItsClosingBoundaryIsABadRequestAndLeavesNothing() throws IOException {
        byte[] whole = form("{}\n".repeat(1000).getBytes(StandardCharsets.UTF_8), "purpose", "batch");
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        ApiException refused = assertThrows(ApiException.class, () -> upload(100_000, cut));
        assertEquals(400, refused.status());
        try (Stream<Path> left = Files.list(spool)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void namesTheMissingOrUnknownFieldAsOpenAiDoes() {
        assertEquals("file", assertThrows(ApiException.class, () -> upload(100, form(null, "purpose", "batch"))).param());
        assertEquals("purpose", assertThrows(ApiException.class,
                () -> upload(100, form(new byte[1], "expires_after[anchor]", "created_at"))).param());
        assertEquals("Unrecognized request argument supplied: model",
                assertThrows(ApiException.class, () -> upload(100, form(new byte[1], "purpose", "batch", "model", "x"))).getMessage());
        assertEquals("purpose", assertThrows(InvalidRequestException.class, () -> upload(100, form(new byte[1], "purpose", "evals"))).param());
        assertEquals("expires_after[anchor]", assertThrows(InvalidRequestException.class,
                () -> upload(100, form(new byte[1], "purpose", "batch", "expires_after[anchor]", "last_active_at",
                        "expires_after[seconds]", "3600"))).param());
        assertEquals("expires_after[seconds]", assertThrows(ApiException.class,
                () -> upload(100, form(new byte[1], "purpose", "batch", "expires_after[anchor]", "created_at"))).param());
    }

    @Test
    void aFileFieldWithoutAFilenameIsRefused() {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\ntext\r\n--" + BOUNDARY + "--\r\n";
        ApiException refused = assertThrows(ApiException.class, () -> upload(100, body.getBytes(StandardCharsets.UTF_8)));
        assertEquals("file", refused.param());
    }
}
