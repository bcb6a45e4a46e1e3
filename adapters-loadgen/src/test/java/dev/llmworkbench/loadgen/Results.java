package dev.llmworkbench.loadgen;

import dev.llmworkbench.application.loadtest.port.Cancellation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs a plan through an {@link HttpLoadGenerator} and reads its result and snapshots as JSON. */
final class Results {

    final List<String> snapshots = new CopyOnWriteArrayList<>();
    final Cancellation cancel = new Cancellation();
    long wallMillis;

    /**
     * A JVM's first request loads the HTTP client's classes, which on a busy machine takes longer than a test's
     * short step; a test class runs one request before it measures anything.
     */
    static void warmUp(URI target) throws InterruptedException {
        new Results().run(Plans.against(target).maxRequests(1).duration(Duration.ofSeconds(10)));
    }

    JsonObject run(Plans plans) throws InterruptedException {
        return run(plans, new HttpLoadGenerator(Duration.ofSeconds(2), Duration.ofSeconds(20)));
    }

    JsonObject run(Plans plans, HttpLoadGenerator generator) throws InterruptedException {
        long before = System.nanoTime();
        String result = generator.run(plans.plan(), Optional.empty(), snapshots::add, cancel);
        wallMillis = Duration.ofNanos(System.nanoTime() - before).toMillis();
        return parse(result);
    }

    static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
