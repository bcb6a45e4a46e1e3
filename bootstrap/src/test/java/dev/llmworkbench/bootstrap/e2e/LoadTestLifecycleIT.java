package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** A run's life through {@code /api/load-tests}: started, watched, listed, exported, compared, cancelled. */
class LoadTestLifecycleIT {
    private static final String SHORT = """
            {"input_lens":"8","output_lens":"4","user":2,"time_":"1s","remark":"lifecycle","headers":{"X-TTFT-MS":"10","X-ITL-MS":"5"}}""";
    private static final String LONG = """
            {"input_lens":"8","output_lens":"4","user":2,"time_":"60s","headers":{"X-TTFT-MS":"10","X-ITL-MS":"5"}}""";

    @Test
    void startAnswers202WithTheQueuedRunAndItsLocationThenTheRunCompletes() throws Exception {
        HttpResponse<String> started = Server.postJson("/api/load-tests", SHORT);
        assertEquals(202, started.statusCode(), started.body());
        JsonNode run = LoadTests.json(started);
        String id = run.get("id").asText();
        assertTrue(id.matches("lt_[0-9a-f]{24}"), id);
        assertEquals("/api/load-tests/" + id, URI.create(started.headers().firstValue("Location").orElseThrow()).getPath());
        assertEquals("load_test", run.get("object").asText());
        assertEquals("queued", run.get("status").asText());
        assertEquals("lifecycle", run.get("plan").get("remark").asText());
        assertTrue(run.get("result").isNull() && run.get("started_at").isNull() && run.get("error").isNull(), run.toString());

        JsonNode done = LoadTests.await(id, "completed", Duration.ofSeconds(30));
        assertTrue(done.get("finished_at").asLong() >= done.get("started_at").asLong());
        assertTrue(done.get("result").get("overall").get("requests").asInt() > 0, done.toString());
    }

    @Test
    void exportGivesTheRunAsJsonOrItsStepsAndSeriesAsCsvAsAttachments() throws Exception {
        String id = LoadTests.start(SHORT);
        LoadTests.await(id, "completed", Duration.ofSeconds(30));
        HttpResponse<String> json = Server.get("/api/load-tests/" + id + "/export?format=json");
        assertEquals(200, json.statusCode());
        assertEquals("attachment; filename=\"" + id + ".json\"", json.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals(LoadTests.get(id), LoadTests.json(json));

        HttpResponse<String> csv = Server.get("/api/load-tests/" + id + "/export?format=csv");
        assertEquals(200, csv.statusCode());
        assertEquals("text/csv", csv.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("attachment; filename=\"" + id + ".csv\"", csv.headers().firstValue("Content-Disposition").orElse(""));
        String[] sections = csv.body().split("\r\n\r\n", -1);
        assertEquals(2, sections.length, csv.body());
        List<String> stepHeader = List.of(sections[0].split("\r\n")[0].split(","));
        assertTrue(stepHeader.containsAll(List.of("step", "input_len", "output_len", "requests", "ttft_ms_p50", "itl_ms_p99")), stepHeader.toString());
        assertTrue(sections[0].split("\r\n")[1].startsWith("0,8,4,"), sections[0]);
        assertTrue(sections[1].startsWith("second,"), sections[1]);
        assertEquals(400, Server.get("/api/load-tests/" + id + "/export?format=xml").statusCode());
    }

    @Test
    void listPagesNewestFirstAndCompareShowsRunsSideBySide() throws Exception {
        String older = LoadTests.start(SHORT);
        String newer = LoadTests.start(SHORT);
        LoadTests.await(newer, "completed", Duration.ofSeconds(30));

        JsonNode first = LoadTests.json(Server.get("/api/load-tests?limit=1"));
        assertEquals("list", first.get("object").asText());
        assertEquals(List.of(newer), ids(first));
        assertEquals(newer, first.get("first_id").asText());
        assertEquals(newer, first.get("last_id").asText());
        assertTrue(first.get("has_more").asBoolean());
        assertFalse(first.get("data").get(0).has("result"), "a listed run leaves its result to GET /api/load-tests/{id}");
        assertEquals(List.of(older), ids(LoadTests.json(Server.get("/api/load-tests?limit=1&after=" + newer))));

        JsonNode compared = LoadTests.json(Server.get("/api/load-tests/compare?ids=" + older + "," + newer));
        assertEquals(List.of(older, newer), ids(compared));
        assertTrue(compared.get("data").get(1).get("result").has("overall"));
    }

    @Test
    void cancellingEndsAQueuedRunAtOnceAndARunningOneWithWhatItMeasured() throws Exception {
        String running = LoadTests.start(LONG);
        String waiting = LoadTests.start(LONG);
        LoadTests.await(running, "running", Duration.ofSeconds(30));
        Thread.sleep(1_500);
        assertEquals("queued", LoadTests.get(waiting).get("status").asText(), "runs go one at a time");

        JsonNode cancelledWhileWaiting = LoadTests.cancel(waiting);
        assertEquals("cancelled", cancelledWhileWaiting.get("status").asText());
        assertTrue(cancelledWhileWaiting.get("started_at").isNull());

        JsonNode cancelledWhileRunning = LoadTests.cancel(running);
        assertEquals("cancelled", cancelledWhileRunning.get("status").asText(), cancelledWhileRunning.toString());
        assertTrue(cancelledWhileRunning.get("result").get("overall").get("requests").asInt() > 0, cancelledWhileRunning.toString());
        assertTrue(cancelledWhileRunning.get("finished_at").asLong() - cancelledWhileRunning.get("started_at").asLong() < 30);
        assertEquals(cancelledWhileRunning, LoadTests.cancel(running), "a second cancel changes nothing");
    }

    @Test
    void eventsStreamSnapshotsWhileTheRunRunsThenDoneAndEnd() throws Exception {
        String id = LoadTests.start(SHORT.replace("\"1s\"", "\"3s\""));
        HttpResponse<java.util.stream.Stream<String>> events = Server.HTTP.send(HttpRequest.newBuilder(URI.create(Server.URL + "/api/load-tests/" + id + "/events"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, events.statusCode());
        assertEquals("text/event-stream", events.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        List<String> lines = events.body().filter(line -> line.startsWith("event:") || line.startsWith("data:")).toList();
        List<String> names = lines.stream().filter(line -> line.startsWith("event:")).map(line -> line.substring(6).strip()).toList();
        assertTrue(names.size() >= 3 && names.getLast().equals("done"), names.toString());
        assertTrue(names.subList(0, names.size() - 1).stream().allMatch("snapshot"::equals), names.toString());
        JsonNode last = LoadTests.JSON.readTree(lines.getLast().substring(5).strip());
        assertEquals("completed", last.get("status").asText());
        assertEquals(id, last.get("id").asText());
    }

    private static List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.get("data").spliterator(), false).map(run -> run.get("id").asText()).collect(Collectors.toList());
    }
}
