package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, "How it is proven": thousands of generated bodies and timing headers against every
 * emulator endpoint, from four clients at once (so the load model sees several requests in flight).
 * Every answer must be OpenAI-shaped, quick and free of server internals, the server must stay
 * ready, and nothing may stay in flight. The seed is printed; {@code -Dfuzz.seed=N} replays a run.
 */
class EmulatorFuzzIT {
    private static final int REQUESTS = 3000;
    /** Fewer answered within {@link #RUN_BOUND} (a machine busy with other work) still has to be this many. */
    private static final int AT_LEAST = 1000;
    private static final int CLIENTS = 4;
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(15);
    private static final Duration RUN_BOUND = Duration.ofSeconds(75);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern INJECTION = Pattern.compile("X-FAIL-(STATUS|RATE)");

    @Test
    void everyGeneratedRequestGetsAWellFormedQuickAnswerAndNothingStaysInFlight() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("EmulatorFuzzIT seed=" + seed);
        SplittableRandom root = new SplittableRandom(seed);
        long started = System.nanoTime();
        long deadline = started + RUN_BOUND.toNanos();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        Map<Long, String> slowest = Collections.synchronizedMap(new TreeMap<>(Collections.reverseOrder()));
        Map<Integer, AtomicInteger> statuses = new ConcurrentSkipListMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            SplittableRandom random = root.split();
            done.add(clients.submit(() -> {
                FuzzCases cases = new FuzzCases(random);
                while (sent.getAndIncrement() < REQUESTS && System.nanoTime() < deadline && failures.size() < 20) {
                    FuzzCases.Case request = cases.next();
                    try {
                        Timed answer = send(request);
                        statuses.computeIfAbsent(answer.response().statusCode(), status -> new AtomicInteger()).incrementAndGet();
                        answered.incrementAndGet();
                        slowest.put(answer.took().toMillis(), request.toString().substring(0, Math.min(200, request.toString().length())));
                        check(request, answer, failures);
                    } catch (Exception e) {
                        failures.add(request + " -> " + e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : done) {
            client.get();
        }
        clients.shutdown();
        System.out.println("EmulatorFuzzIT " + answered + " answers in " + (System.nanoTime() - started) / 1_000_000 + " ms, by status: " + statuses
                + "; slowest: " + slowest.entrySet().stream().limit(3).toList());
        assertTrue(failures.isEmpty(), failures.size() + " bad answers (seed " + seed + "):\n" + String.join("\n", failures));
        assertTrue(answered.get() >= AT_LEAST, "only " + answered + " answers within " + RUN_BOUND);
        // mutated requests are mostly refused; enough must be accepted that the emulation itself is exercised
        assertTrue(statuses.getOrDefault(200, new AtomicInteger()).get() > answered.get() / 10, "too few accepted: " + statuses);
        assertEquals(200, Server.get("/health/ready").statusCode(), "readiness kept");
        RequestsInFlightIT.awaitInFlight(0, Duration.ofSeconds(10));
    }

    private static Timed send(FuzzCases.Case request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(Server.URL + request.path())).timeout(ANSWER_BOUND);
        if (request.body() == null) {
            builder.GET();
        } else {
            builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request.body()));
        }
        for (int i = 0; i < request.headers().size(); i += 2) {
            builder.header(request.headers().get(i), request.headers().get(i + 1));
        }
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    }

    private record Timed(HttpResponse<String> response, Duration took) {
    }

    private static void check(FuzzCases.Case request, Timed timed, List<String> failures) {
        HttpResponse<String> response = timed.response();
        int status = response.statusCode();
        String body = response.body();
        String what = request + " -> " + status + " " + excerpt(body);
        if (timed.took().compareTo(ANSWER_BOUND) > 0) {
            failures.add("slow (" + timed.took().toMillis() + " ms): " + what);
        }
        boolean injected = INJECTION.matcher(String.join(",", request.headers())).find();
        if (status >= 500 && !injected) {
            failures.add("5xx not injected: " + what);
        }
        if (status >= 400 && !isOpenAiError(response)) {
            failures.add("not OpenAI's error shape: " + what);
        }
        if (status < 400 && status != 200) {
            failures.add("unexpected status: " + what);
        }
        // A 200 may echo the caller's own text, which the generator keeps free of these words.
        if (FuzzAnswers.INTERNALS.matcher(body).find()) {
            failures.add("server internals in the answer: " + what);
        }
    }

    private static boolean isOpenAiError(HttpResponse<String> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            return false;
        }
        try {
            JsonNode error = JSON.readTree(response.body()).get("error");
            return error != null && error.size() == 4 && error.get("message").isTextual() && !error.get("message").asText().isEmpty()
                    && error.get("type").isTextual() && (error.get("param").isNull() || error.get("param").isTextual())
                    && (error.get("code").isNull() || error.get("code").isTextual());
        } catch (Exception notJson) {
            return false;
        }
    }

    private static String excerpt(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    static String urlSegment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
