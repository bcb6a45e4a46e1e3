package dev.llmworkbench.application.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.llmworkbench.application.files.port.FilePage;
import dev.llmworkbench.application.files.port.FileQuery;
import dev.llmworkbench.application.files.port.FileStore;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.files.FilePurpose;
import dev.llmworkbench.domain.files.NewFile;
import dev.llmworkbench.domain.files.StoredFile;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UploadFileTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    /** Keeps what it was asked to save, as the store's row would say it. */
    private static final class SavingStore implements FileStore {
        NewFile saved;
        long kept;

        @Override
        public StoredFile save(NewFile file, Content content) throws java.io.IOException {
            saved = file;
            kept++;
            content.writeTo(OutputStream.nullOutputStream());
            return new StoredFile("file-abc", 0, NOW, file.expiresAt(), file.filename(), file.purpose());
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
            return new FilePage(java.util.List.of(), false);
        }

        @Override
        public long count() {
            return kept;
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

    private final SavingStore store = new SavingStore();
    private final UploadFile upload = new UploadFile(store, 200, 1000, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aBatchInputExpiresAfterThirtyDaysUnlessToldOtherwiseAsOpenAiDocumentsIt() throws Exception {
        upload.upload(new UploadRequest("in.jsonl", FilePurpose.BATCH, Optional.empty()), out -> { });
        assertEquals(new NewFile("in.jsonl", FilePurpose.BATCH, Optional.of(Instant.parse("2026-03-31T12:00:00Z")), 200), store.saved);
        upload.upload(new UploadRequest("in.jsonl", FilePurpose.BATCH, Optional.of(Duration.ofSeconds(3600))), out -> { });
        assertEquals(Optional.of(Instant.parse("2026-03-01T13:00:00Z")), store.saved.expiresAt());
    }

    @Test
    void otherPurposesAreKeptUntilDeletedUnlessAnExpiryIsGiven() throws Exception {
        upload.upload(new UploadRequest("notes.txt", FilePurpose.USER_DATA, Optional.empty()), out -> { });
        assertEquals(Optional.empty(), store.saved.expiresAt());
    }

    @ParameterizedTest
    @CsvSource({
            "input.json, batch, 0, file",
            "input.txt, batch, 0, file",
            "out.jsonl, batch_output, 0, purpose",
            "x.jsonl, fine-tune-results, 0, purpose",
            "x.jsonl, assistants_output, 0, purpose",
            "x.jsonl, batch, 3599, expires_after[seconds]",
            "x.jsonl, batch, 2592001, expires_after[seconds]"})
    void refusesWhatOpenAiRefusesNamingTheField(String filename, String purpose, long seconds, String param) {
        Optional<Duration> expiry = seconds == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> new UploadRequest(filename, FilePurpose.parse(purpose), expiry));
        assertEquals(param, refused.param());
    }

    @ParameterizedTest
    @CsvSource({"IN.JSONL, batch, 3600", "x.jsonl, batch, 2592000", "photo.png, vision, 0", "a.pdf, assistants, 0",
            "train.jsonl, fine-tune, 0"})
    void acceptsTheBoundsOfTheExpiryAndEveryUploadablePurpose(String filename, String purpose, long seconds) {
        Optional<Duration> expiry = seconds == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        assertEquals(filename, new UploadRequest(filename, FilePurpose.parse(purpose), expiry).filename());
    }

    @Test
    void anUploadPastTheFileCountIsRefusedBeforeAByteIsWritten() throws Exception {
        UploadFile two = new UploadFile(store, 200, 2, Clock.fixed(NOW, ZoneOffset.UTC));
        two.upload(new UploadRequest("a.txt", FilePurpose.USER_DATA, Optional.empty()), out -> { });
        two.upload(new UploadRequest("b.txt", FilePurpose.USER_DATA, Optional.empty()), out -> { });
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> two.upload(
                new UploadRequest("c.txt", FilePurpose.USER_DATA, Optional.empty()), out -> fail("no byte may be written")));
        assertEquals("file", refused.param());
        assertEquals(2, store.kept);
    }
}
