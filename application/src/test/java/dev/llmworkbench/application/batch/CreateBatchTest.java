package dev.llmworkbench.application.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.BatchEndpoint;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.files.FilePurpose;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CreateBatchTest {
    private final InMemoryBatches batches = new InMemoryBatches();
    private final MemoryFileStore files = new MemoryFileStore();
    private final SettableClock clock = new SettableClock();
    private final BatchIds ids = new BatchIds(new SplittableRandom(7));
    private final BatchRunner runner = new BatchRunner(batches, files, new TextInputLines(), new ScriptedCaller(), ended -> { },
            clock, ids, new BatchSettings(1, 1, 1, Duration.ZERO, Duration.ZERO));
    private final CreateBatch create = new CreateBatch(runner, files, new TextInputLines(), ids, clock);

    @AfterEach
    void stop() {
        runner.close();
    }

    private static CreateBatchCommand command(String file, String endpoint, String window) {
        return new CreateBatchCommand(file, Optional.ofNullable(endpoint), Optional.ofNullable(window), Map.of(), Optional.empty());
    }

    @Test
    void withNoEndpointAndNoWindowTheLinesUrlAndTwentyFourHoursAreTaken() {
        String file = files.upload("a /v1/embeddings text-embedding-3-small\n", FilePurpose.BATCH);
        Batch batch = create.create(command(file, null, null));
        assertEquals(BatchEndpoint.EMBEDDINGS, batch.endpoint());
        assertEquals("24h", batch.window().wire());
        assertEquals(BatchStatus.VALIDATING, batch.status());
        assertEquals(clock.instant().plus(Duration.ofHours(24)), batch.times().expiresAt());
    }

    @Test
    void anUnknownFileAndAFileNotForBatchesAreRefusedNamingInputFileId() {
        String tuning = files.upload("x", FilePurpose.FINE_TUNE);
        assertEquals("input_file_id", assertThrows(InvalidRequestException.class, () -> create.create(command("file-none", null, null))).param());
        assertEquals("input_file_id", assertThrows(InvalidRequestException.class, () -> create.create(command(tuning, null, null))).param());
    }

    @Test
    void anEndpointOrWindowOutsideTheSupportedOnesIsRefusedNamingIt() {
        String file = files.upload("a /v1/chat/completions gpt-4o\n", FilePurpose.BATCH);
        assertEquals("endpoint", assertThrows(InvalidRequestException.class, () -> create.create(command(file, "/v1/moderations", null))).param());
        assertEquals("completion_window", assertThrows(InvalidRequestException.class, () -> create.create(command(file, null, "48h"))).param());
        String elsewhere = files.upload("a /v2/other gpt-4o\n", FilePurpose.BATCH);
        assertEquals("endpoint", assertThrows(InvalidRequestException.class, () -> create.create(command(elsewhere, null, null))).param());
    }
}
