package dev.llmworkbench.bootstrap.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Server-Sent Events response read line by line on its own thread, from the moment it opens until it ends
 * (cleanly, or broken off), with when it ended: what a client saw of a stream the server stopped under it.
 */
final class SseWatch {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CountDownLatch opened = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile int status;
    private volatile long endedAtNanos;
    private volatile boolean broken;

    private SseWatch(HttpRequest request) {
        Thread.ofVirtual().name("sse-watch").start(() -> read(request));
    }

    static SseWatch post(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Server.URL + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return new SseWatch(request.build());
    }

    static SseWatch get(String path) {
        return new SseWatch(HttpRequest.newBuilder(URI.create(Server.URL + path)).GET().build());
    }

    private void read(HttpRequest request) {
        try {
            HttpResponse<Stream<String>> response = Server.HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
            status = response.statusCode();
            opened.countDown();
            try (Stream<String> body = response.body()) {
                body.forEach(lines::add);
            }
        } catch (Exception cut) {
            broken = true;
        } finally {
            endedAtNanos = System.nanoTime();
            opened.countDown();
            ended.countDown();
        }
    }

    /** Waits until the answer's head came and at least {@code count} lines of its body. */
    SseWatch awaitLines(int count, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        opened.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        while (lines.size() < count && ended.getCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return this;
    }

    boolean awaitEnd(Duration patience) throws InterruptedException {
        return ended.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    int status() {
        return status;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** The last {@code data:} payload, or empty text when there is none. */
    String lastData() {
        List<String> data = lines.stream().filter(line -> line.startsWith("data: ")).map(line -> line.substring(6)).toList();
        return data.isEmpty() ? "" : data.getLast();
    }

    long endedAtNanos() {
        return endedAtNanos;
    }

    boolean broken() {
        return broken;
    }
}
