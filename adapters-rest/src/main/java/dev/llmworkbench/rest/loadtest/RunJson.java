package dev.llmworkbench.rest.loadtest;

import dev.llmworkbench.application.loadtest.port.RunPage;
import dev.llmworkbench.domain.loadtest.LoadTestRun;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The JSON the load-test API answers with: a run ({@code {"id", "object": "load_test", "status", "plan",
 * "created_at", "started_at", "finished_at", "result", "error"}}, times in unix seconds), a page of runs, runs side by
 * side, and the task runner's {@code {"status": "success" | "error", ...}}. The stored plan and result are JSON text,
 * embedded as the values they are.
 */
final class RunJson {
    // One factory of each for the application: JsonProvider.provider() runs a ServiceLoader lookup per call.
    private static final JsonProvider PROVIDER = JsonProvider.provider();
    static final JsonGeneratorFactory GENERATORS = PROVIDER.createGeneratorFactory(Map.of());
    private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());

    private RunJson() {
    }

    static String run(LoadTestRun run) {
        return write(json -> runObject(json, run, true));
    }

    /** A page, newest first; each run without its result, which the run itself gives. */
    static String list(RunPage page) {
        List<LoadTestRun> runs = page.runs();
        return write(json -> {
            json.writeStartObject().write("object", "list").writeStartArray("data");
            runs.forEach(run -> runObject(json, run, false));
            json.writeEnd();
            id(json, "first_id", runs.stream().findFirst());
            id(json, "last_id", runs.isEmpty() ? Optional.empty() : Optional.of(runs.getLast()));
            json.write("has_more", page.hasMore()).writeEnd();
        });
    }

    static String compare(List<LoadTestRun> runs) {
        return write(json -> {
            json.writeStartObject().write("object", "list").writeStartArray("data");
            runs.forEach(run -> runObject(json, run, true));
            json.writeEnd().writeEnd();
        });
    }

    /** The task runner's answer to a run that completed; {@code id} names the stored run. */
    static String taskSuccess(LoadTestRun run) {
        return write(json -> {
            json.writeStartObject().write("status", "success");
            json.write("result", parse(run.result().orElseThrow()));
            json.write("id", run.id()).writeEnd();
        });
    }

    static String taskError(String message) {
        return write(json -> json.writeStartObject().write("status", "error").write("error", message).writeEnd());
    }

    static JsonValue parse(String storedJson) {
        try (JsonReader reader = READERS.createReader(new StringReader(storedJson))) {
            return reader.readValue();
        }
    }

    private static void runObject(JsonGenerator json, LoadTestRun run, boolean withResult) {
        json.writeStartObject().write("id", run.id()).write("object", "load_test").write("status", run.status().wireName())
                .write("plan", parse(run.plan()));
        time(json, "created_at", Optional.of(run.createdAt()));
        time(json, "started_at", run.startedAt());
        time(json, "finished_at", run.finishedAt());
        if (withResult) {
            json.write("result", run.result().map(RunJson::parse).orElse(JsonValue.NULL));
        }
        json.write("error", run.failure().<JsonValue>map(reason -> PROVIDER.createValue(reason)).orElse(JsonValue.NULL));
        json.writeEnd();
    }

    private static void time(JsonGenerator json, String name, Optional<Instant> instant) {
        if (instant.isPresent()) {
            json.write(name, instant.get().getEpochSecond());
        } else {
            json.writeNull(name);
        }
    }

    private static void id(JsonGenerator json, String name, Optional<LoadTestRun> run) {
        if (run.isPresent()) {
            json.write(name, run.get().id());
        } else {
            json.writeNull(name);
        }
    }

    private static String write(Consumer<JsonGenerator> body) {
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator json = GENERATORS.createGenerator(text)) {
            body.accept(json);
        }
        return text.toString();
    }
}
