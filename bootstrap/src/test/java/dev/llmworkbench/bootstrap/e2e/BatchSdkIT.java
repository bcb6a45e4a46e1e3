package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.errors.BadRequestException;
import com.openai.models.batches.Batch;
import com.openai.models.batches.BatchCreateParams;
import com.openai.models.batches.BatchListParams;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FilePurpose;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official OpenAI Java SDK's whole batch flow: upload, create, poll, download, list, cancel. */
class BatchSdkIT {
    private final OpenAIClient client = Server.openAi();

    @TempDir
    Path dir;

    /** From a file on disk, as the SDK's users upload: the SDK then sends its name, which the Files API requires. */
    private String upload(String lines) throws IOException {
        Path input = Files.writeString(dir.resolve("batch-" + System.nanoTime() + ".jsonl"), lines);
        return client.files().create(FileCreateParams.builder().file(input).purpose(FilePurpose.BATCH).build()).id();
    }

    private Batch create(String fileId) {
        return client.batches().create(BatchCreateParams.builder().inputFileId(fileId)
                .endpoint(BatchCreateParams.Endpoint.V1_CHAT_COMPLETIONS)
                .completionWindow(BatchCreateParams.CompletionWindow._24H).build());
    }

    private Batch awaitEnd(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        Batch batch = client.batches().retrieve(id);
        while (!BatchFlow.ENDED.contains(batch.status().asString())) {
            assertTrue(System.nanoTime() < deadline, "still " + batch.status());
            Thread.sleep(250);
            batch = client.batches().retrieve(id);
        }
        return batch;
    }

    @Test
    void uploadCreatePollAndDownloadEveryLine() throws Exception {
        Batch created = create(upload(BatchFlow.chatLines("sdk", 8, "gpt-4o")));
        assertEquals(Batch.Status.VALIDATING, created.status());
        Batch done = awaitEnd(created.id());
        assertEquals(Batch.Status.COMPLETED, done.status());
        assertEquals(8, done.requestCounts().orElseThrow().completed());
        assertEquals(0, done.requestCounts().orElseThrow().failed());
        assertEquals("gpt-4o", done.model().orElseThrow());
        assertTrue(done.usage().orElseThrow().inputTokens() > 0);
        try (HttpResponse content = client.files().content(done.outputFileId().orElseThrow()); InputStream body = content.body()) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> ids = Arrays.stream(text.split("\n")).map(line -> BatchFlow.json(line).get("custom_id").asText())
                    .collect(Collectors.toSet());
            assertEquals(Set.of("sdk-1", "sdk-2", "sdk-3", "sdk-4", "sdk-5", "sdk-6", "sdk-7", "sdk-8"), ids);
        }
        assertTrue(client.batches().list(BatchListParams.builder().limit(100).build()).data().stream()
                .anyMatch(batch -> batch.id().equals(done.id())), "the batch is listed");
        BadRequestException refused = assertThrows(BadRequestException.class, () -> client.batches().cancel(done.id()));
        assertTrue(refused.getMessage().contains("completed"), refused.getMessage());
    }

    @Test
    void aCancelledBatchKeepsWhatFinishedAndAccountsForEveryLine() throws Exception {
        Batch created = create(upload(BatchFlow.chatLines("cancel", 400, "gpt-4o")));
        Thread.sleep(1_500);
        Batch cancelling = client.batches().cancel(created.id());
        assertTrue(Set.of(Batch.Status.CANCELLING, Batch.Status.CANCELLED).contains(cancelling.status()), cancelling.status().toString());
        Batch done = awaitEnd(created.id());
        assertEquals(Batch.Status.CANCELLED, done.status());
        long completed = done.requestCounts().orElseThrow().completed();
        assertTrue(completed < 400, "cancelled before the end: " + completed);
        assertEquals(400, completed + done.requestCounts().orElseThrow().failed());
    }
}
