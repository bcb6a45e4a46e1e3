import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * bench/collate-1000.sh's callers: N sync chat completions sent at once to a collate route, each naming itself in its
 * prompt ("caller-17-"); the server's emulator answers in echo mode, so an answer is the caller's own exactly when it
 * holds its name. Prints one tab-separated summary line: callers, answered, own, batches, p50/p99/max latency (ms).
 *   java bench/CollateBench.java http://127.0.0.1:9184 1000 collate-bench
 */
public class CollateBench {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        int callers = Integer.parseInt(args[1]);
        String model = args[2];
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        List<Future<long[]>> calls = new ArrayList<>();
        Map<String, Integer> perBatch = new HashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < callers; i++) {
                String name = "caller-" + i + "-";
                calls.add(pool.submit(() -> {
                    String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + name + "\"}]}";
                    long start = System.nanoTime();
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
                            .timeout(Duration.ofMinutes(5)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    long tookMs = (System.nanoTime() - start) / 1_000_000;
                    synchronized (perBatch) {
                        perBatch.merge(response.headers().firstValue("X-Collate-Batch-Id").orElse("none"), 1, Integer::sum);
                    }
                    boolean ok = response.statusCode() == 200;
                    boolean own = ok && response.body().contains("\"content\":\"" + name);
                    return new long[] {ok ? 1 : 0, own ? 1 : 0, tookMs};
                }));
            }
            long answered = 0;
            long own = 0;
            long[] latencies = new long[callers];
            for (int i = 0; i < callers; i++) {
                long[] result = calls.get(i).get();
                answered += result[0];
                own += result[1];
                latencies[i] = result[2];
            }
            Arrays.sort(latencies);
            System.out.printf("%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s%n", callers, answered, own, perBatch.size(),
                    latencies[callers / 2], latencies[(int) Math.ceil(callers * 0.99) - 1], latencies[callers - 1], perBatch);
        }
    }
}
