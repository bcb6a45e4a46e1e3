package dev.llmworkbench.persistence.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.application.batch.BatchIds;
import dev.llmworkbench.application.batch.BatchRunner;
import dev.llmworkbench.application.batch.BatchSettings;
import dev.llmworkbench.application.batch.CreateBatch;
import dev.llmworkbench.application.batch.CreateBatchCommand;
import dev.llmworkbench.application.batch.port.BatchEnded;
import dev.llmworkbench.application.batch.port.LineCaller;
import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.BatchEvent;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.batch.BatchUsage;
import dev.llmworkbench.domain.batch.RequestCounts;
import dev.llmworkbench.domain.files.FilePurpose;
import dev.llmworkbench.domain.files.NewFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batch server's use cases (CreateBatch, BatchRunner) run whole over MongoBatches and MongoFileStore: a JSONL
 * file uploaded to GridFS, a batch created from it, its lines answered, its output and error files written back to
 * GridFS and its status log kept, as the REST adapter would drive them on a server with {@code workbench.store=mongodb}.
 */
class MongoBatchFlowTest {
    private static final BatchUsage USAGE = new BatchUsage(12, 0, 4, 0);
    private static final BatchSettings SETTINGS = new BatchSettings(2, 8, 2, Duration.ofMillis(10), Duration.ofMillis(300));

    private final TestMongo mongo = TestMongo.start();
    private final MongoFileStore files = new MongoFileStore(mongo.store(), Clock.systemUTC());
    private final BatchIds ids = new BatchIds(new SecureRandom());
    private final List<BatchEnded> ended = new CopyOnWriteArrayList<>();
    private final List<BatchRunner> runners = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        runners.forEach(BatchRunner::close);
        mongo.close();
    }

    private BatchRunner runner(MongoBatches batches, LineCaller caller) {
        BatchRunner runner = new BatchRunner(batches, files, new BsonInputLines(), caller, ended::add, Clock.systemUTC(), ids, SETTINGS);
        runners.add(runner);
        return runner;
    }

    private static String input(String... customIds) {
        return Arrays.stream(customIds).map(id -> "{\"custom_id\": \"" + id + "\", \"method\": \"POST\", \"url\": \"/v1/chat/completions\", "
                + "\"body\": {\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"" + id + "\"}]}}\n")
                .collect(Collectors.joining());
    }

    private Batch create(BatchRunner runner, String content) throws IOException {
        String file = files.save(new NewFile("requests.jsonl", FilePurpose.BATCH, Optional.empty(), 1_000_000),
                out -> out.write(content.getBytes(StandardCharsets.UTF_8))).id();
        return new CreateBatch(runner, files, new BsonInputLines(), ids, Clock.systemUTC())
                .create(new CreateBatchCommand(file, Optional.empty(), Optional.empty(), Map.of("model", "gpt-4o-mini"), Optional.empty()));
    }

    /** The line's custom id, which the input puts as its message: the stub answers by it. */
    private static String customId(String body) {
        return Document.parse(body).getList("messages", Document.class).getFirst().getString("content");
    }

    private static LineCaller.Reply answer(String body) {
        Document request = Document.parse(body);
        String id = customId(body);
        if (id.startsWith("bad")) {
            return new LineCaller.Reply(400, "req_" + id, "{\"error\": {\"message\": \"refused\"}}", BatchUsage.NONE, Optional.empty());
        }
        return new LineCaller.Reply(200, "req_" + id, "{\"object\": \"chat.completion\", \"model\": \"" + request.getString("model")
                + "\", \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \"ok " + id + "\"}}]}",
                USAGE, Optional.empty());
    }

    private List<Document> fileLines(Optional<String> id) throws IOException {
        try (InputStream in = files.open(id.orElseThrow())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(Document::parse).toList();
        }
    }

    private static Batch awaitEnd(MongoBatches batches, String id) {
        await(() -> batches.find(id).orElseThrow().status().isTerminal());
        return batches.find(id).orElseThrow();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.onSpinWait();
        }
    }

    @Test
    void aBatchRunsFromItsUploadToItsOutputAndErrorFilesWithItsStatusLog() throws IOException {
        MongoBatches batches = new MongoBatches(mongo.store());
        Batch created = create(runner(batches, (endpoint, body) -> answer(body)), input("a1", "a2", "bad3", "a4"));
        Batch done = awaitEnd(batches, created.id());

        assertEquals(BatchStatus.COMPLETED, done.status());
        assertEquals(Optional.of("gpt-4o-mini"), done.model());
        assertEquals(new RequestCounts(4, 3, 1), done.counts());
        assertEquals(new BatchUsage(36, 0, 12, 0), done.usage());
        List<Document> output = fileLines(done.outputFileId());
        assertEquals(List.of("a1", "a2", "a4"), output.stream().map(line -> line.getString("custom_id")).toList());
        for (Document line : output) {
            Document response = line.get("response", Document.class);
            assertEquals(200, response.getInteger("status_code"));
            assertEquals("req_" + line.getString("custom_id"), response.getString("request_id"));
            assertEquals("gpt-4o-mini", response.get("body", Document.class).getString("model"));
            assertTrue(line.getString("id").matches("batch_req_[0-9a-f]{24}"), line.getString("id"));
        }
        List<Document> errors = fileLines(done.errorFileId());
        assertEquals(List.of("bad3"), errors.stream().map(line -> line.getString("custom_id")).toList());
        assertEquals(400, errors.getFirst().get("response", Document.class).getInteger("status_code"));

        List<BatchEvent> events = batches.events(created.id());
        assertEquals(List.of(BatchStatus.VALIDATING, BatchStatus.IN_PROGRESS, BatchStatus.FINALIZING, BatchStatus.COMPLETED),
                events.stream().map(BatchEvent::status).toList());
        assertEquals(List.of(new RequestCounts(0, 0, 0), new RequestCounts(4, 0, 0), new RequestCounts(4, 3, 1),
                new RequestCounts(4, 3, 1)), events.stream().map(BatchEvent::counts).toList());
        await(() -> ended.size() == 1);
        assertEquals(done.outputFileId(), ended.getFirst().outputFileId());
        assertEquals("batch.completed", ended.getFirst().event());
    }

    @Test
    void aBatchCutByAStopResumesInTheNextProcessAndAnswersEveryLineOnce() throws IOException, InterruptedException {
        // The first process answers two lines and is stopped while two more are in flight: they get no answer.
        CountDownLatch killed = new CountDownLatch(1);
        Map<String, Integer> calls = new ConcurrentHashMap<>();
        LineCaller dying = (endpoint, body) -> {
            calls.merge(customId(body), 1, Integer::sum);
            if (customId(body).compareTo("c3") >= 0) {
                killed.await();
                throw new IOException("the process is gone");
            }
            return answer(body);
        };
        MongoBatches first = new MongoBatches(mongo.store());
        BatchRunner firstRunner = runner(first, dying);
        Batch created = create(firstRunner, input("c1", "c2", "c3", "c4", "c5", "c6"));
        await(() -> first.find(created.id()).orElseThrow().counts().completed() == 2 && calls.size() == 4);
        firstRunner.close();
        killed.countDown();

        Map<String, Integer> resumed = new ConcurrentHashMap<>();
        MongoBatches second = new MongoBatches(mongo.store());
        BatchRunner secondRunner = runner(second, (endpoint, body) -> {
            resumed.merge(customId(body), 1, Integer::sum);
            return answer(body);
        });
        assertEquals(1, secondRunner.resumeUnfinished());
        Batch done = awaitEnd(second, created.id());

        assertEquals(BatchStatus.COMPLETED, done.status());
        assertEquals(new RequestCounts(6, 6, 0), done.counts());
        assertEquals(Map.of("c3", 1, "c4", 1, "c5", 1, "c6", 1), resumed);
        assertEquals(IntStream.rangeClosed(1, 6).mapToObj(i -> "c" + i).toList(),
                fileLines(done.outputFileId()).stream().map(line -> line.getString("custom_id")).toList());
        assertEquals(List.of(BatchStatus.VALIDATING, BatchStatus.IN_PROGRESS, BatchStatus.FINALIZING, BatchStatus.COMPLETED),
                second.events(created.id()).stream().map(BatchEvent::status).toList());
    }
}
