import dev.llmworkbench.application.loadtest.port.Cancellation;
import dev.llmworkbench.domain.loadtest.LoadTestPlan;
import dev.llmworkbench.domain.loadtest.PlanRequest;
import dev.llmworkbench.loadgen.HttpLoadGenerator;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drives the load generator itself (adapters-loadgen's HttpLoadGenerator, as the server runs it behind
 * POST /run-task/) in a JVM of its own, so it shares no heap, JIT or threads with the target. Runs the plan once
 * for the warm-up (JIT), then once measured, sampling this JVM every second: platform threads, heap used, RSS;
 * the measured run's CPU time too (cpu_s).
 * Writes {"plan": ARGS, "result": RESULT, "jvm": {...}} to out=.
 *   java -cp "$(cat loadgen.cp)" bench/LoadgenBench.java host=http://127.0.0.1:9183/v1 load=throughput user=64 \
 *       time=15s warmup=5s tags=chat_completions_nonstream output_lens=10 [rate=..] [headers=X-TTFT-MS:100,..] out=F
 */
public class LoadgenBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> arg = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            arg.put(a.substring(0, eq), a.substring(eq + 1));
        }
        String warmup = arg.getOrDefault("warmup", "0s");
        if (!warmup.equals("0s")) {
            run(plan(arg, warmup));
        }
        List<String> samples = new ArrayList<>();
        long start = System.nanoTime();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> samples.add(sample(start)), 0, 1, TimeUnit.SECONDS);
        String result;
        long cpuBefore = cpuNanos();
        try {
            result = run(plan(arg, arg.getOrDefault("time", "15s")));
        } finally {
            sampler.shutdown();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }
        String plan = arg.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .reduce((a, b) -> a + "," + b).orElse("");
        String document = "{\"plan\":{" + plan + "},\"result\":" + result + ",\"jvm\":{\"cpu_s\":"
                + (cpuNanos() - cpuBefore) / 1e9 + ",\"cpus\":"
                + Runtime.getRuntime().availableProcessors() + ",\"max_heap_mb\":"
                + Runtime.getRuntime().maxMemory() / 1_048_576 + ",\"series\":[" + String.join(",", samples) + "]}}";
        Files.writeString(Path.of(arg.get("out")), document);
    }

    private static LoadTestPlan plan(Map<String, String> arg, String time) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (arg.containsKey("headers")) {
            for (String header : arg.get("headers").split(",")) {
                String[] kv = header.split(":", 2);
                headers.put(kv[0], kv[1]);
            }
        }
        // ignore_eos off: vLLM's min_tokens and ignore_eos are unknown arguments to OpenAI and to the emulator.
        return new PlanRequest(arg.getOrDefault("model", "gpt-4o"), arg.getOrDefault("input_lens", "16"),
                arg.getOrDefault("output_lens", "10"), Integer.valueOf(arg.getOrDefault("user", "64")),
                Double.valueOf(arg.getOrDefault("rate", "1000")), time,
                arg.getOrDefault("tags", "chat_completions_nonstream"), "bench", arg.get("host"), false,
                arg.getOrDefault("load", "throughput"), null, null, null, null, false, null, headers, null)
                .toPlan(URI.create(arg.get("host")));
    }

    private static String run(LoadTestPlan plan) throws InterruptedException {
        return new HttpLoadGenerator().run(plan, Optional.empty(), snapshot -> { }, new Cancellation());
    }

    private static String sample(long start) {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "{\"t\":%.1f,\"threads\":%d,\"heap_mb\":%d,\"rss_mb\":%d}",
                (System.nanoTime() - start) / 1e9, ManagementFactory.getThreadMXBean().getThreadCount(),
                (runtime.totalMemory() - runtime.freeMemory()) / 1_048_576, rssMb());
    }

    /** The process's CPU time (user + system, every thread): what the measured run cost the machine. */
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    private static long rssMb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
