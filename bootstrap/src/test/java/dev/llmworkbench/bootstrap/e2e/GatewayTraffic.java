package dev.llmworkbench.bootstrap.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

/**
 * Chat requests through the gateway's relay route (to this server's own {@code /v1}), streamed and not, from a few
 * clients in a loop until closed or until the server goes away; each answered request's {@code x-request-id} is
 * kept with the moment its answer ended.
 */
final class GatewayTraffic implements AutoCloseable {
    /** A request the gateway answered in full, and when ({@link System#nanoTime()}). */
    record Answered(String requestId, long atNanos) {
    }

    private final ConcurrentLinkedQueue<Answered> answered = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Thread> clients;

    GatewayTraffic(int clients, String model) {
        this.clients = IntStream.range(0, clients)
                .mapToObj(i -> Thread.ofVirtual().name("gateway-traffic-" + i).start(() -> loop(model, i % 2 == 0)))
                .toList();
    }

    private void loop(String model, boolean stream) {
        String body = "{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"crash\"}]}";
        while (!stopped.get()) {
            try {
                HttpResponse<String> response = Server.HTTP.send(HttpRequest.newBuilder(URI.create(Server.URL + "/v1/chat/completions"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .header("X-TTFT-MS", "5").header("X-ITL-MS", "2").header("X-OUTPUT-LENGTH", "8")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && (!stream || response.body().contains("[DONE]"))) {
                    answered.add(new Answered(response.headers().firstValue("x-request-id").orElseThrow(), System.nanoTime()));
                }
            } catch (Exception serverGone) {
                return;
            }
        }
    }

    List<Answered> answered() {
        return List.copyOf(answered);
    }

    @Override
    public void close() throws InterruptedException {
        stopped.set(true);
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(40));
        }
    }
}
