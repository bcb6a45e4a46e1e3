import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Holds N concurrent streaming chat completions against an OpenAI-compatible server and measures,
 * from the client's side, the time to first token and every inter-token gap. One selector thread
 * drives every connection (non-blocking NIO), so 10,000 streams cost the client sockets, not threads.
 *
 * java bench/StreamBench.java --streams 1000 [--port 9080] [--ttft 100] [--itl 50] [--tokens 100]
 *      [--ramp 5] [--deadline 120] [--pid SERVER_PID] [--out result.json]
 */
public class StreamBench {
    static final class Stream {
        final SocketChannel channel;
        final ByteBuffer request;
        long sentNanos = -1;
        long lastTokenNanos = -1;
        long ttftNanos = -1;
        int tokens;
        int status = -1;
        boolean headersDone;
        boolean ended; // the terminating zero-size chunk arrived
        boolean done;
        String failure;
        final StringBuilder pending = new StringBuilder();
        long chunkLeft = -1; // bytes left in the current HTTP chunk; -1: expecting a chunk-size line
        final StringBuilder raw = new StringBuilder();

        Stream(SocketChannel channel, ByteBuffer request) {
            this.channel = channel;
            this.request = request;
        }
    }

    /** Streams open right now, for the sampler's time series. */
    static final java.util.concurrent.atomic.AtomicInteger OPEN = new java.util.concurrent.atomic.AtomicInteger();

    static Map<String, String> args(String[] argv) {
        Map<String, String> args = new LinkedHashMap<>(Map.of("host", "127.0.0.1", "port", "9080", "streams", "1000",
                "ttft", "100", "itl", "50", "tokens", "100", "ramp", "5", "deadline", "120", "model", "gpt-4o"));
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        return args;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = args(argv);
        int streams = Integer.parseInt(a.get("streams"));
        long ttftMs = Long.parseLong(a.get("ttft"));
        long itlMs = Long.parseLong(a.get("itl"));
        int tokens = Integer.parseInt(a.get("tokens"));
        double rampSeconds = Double.parseDouble(a.get("ramp"));
        long deadline = System.nanoTime() + (long) (Double.parseDouble(a.get("deadline")) * 1e9);
        InetSocketAddress address = new InetSocketAddress(a.get("host"), Integer.parseInt(a.get("port")));
        byte[] body = ("{\"model\":\"" + a.get("model") + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST /v1/chat/completions HTTP/1.1\r\nHost: " + a.get("host") + "\r\nContent-Type: application/json\r\n"
                + "Accept: text/event-stream\r\nX-TTFT-MS: " + ttftMs + "\r\nX-ITL-MS: " + itlMs + "\r\nX-OUTPUT-LENGTH: " + tokens
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);

        Sampler sampler = a.containsKey("pid") ? new Sampler(Long.parseLong(a.get("pid")), address) : null;
        if (sampler != null) {
            sampler.measureBaseline();
            sampler.start();
        }
        List<Stream> all = new ArrayList<>(streams);
        long[] gaps = new long[Math.max(1, streams * Math.max(1, tokens - 1))];
        int gapCount = 0;
        Selector selector = Selector.open();
        ByteBuffer readBuffer = ByteBuffer.allocateDirect(1 << 16);
        byte[] bytes = new byte[1 << 16];
        long start = System.nanoTime();
        long rampNanos = (long) (rampSeconds * 1e9);
        int opened = 0;
        int finished = 0;
        int maxOpen = 0;
        int open = 0;
        while (finished < streams && System.nanoTime() < deadline) {
            long now = System.nanoTime();
            int due = rampNanos == 0 ? streams : (int) Math.min(streams, (now - start) * (double) streams / rampNanos + 1);
            while (opened < due) {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Stream stream = new Stream(channel, ByteBuffer.wrap(request));
                all.add(stream);
                try {
                    channel.connect(address);
                    channel.register(selector, SelectionKey.OP_CONNECT, stream);
                    open++;
                } catch (IOException e) {
                    stream.failure = "connect: " + e.getMessage();
                    finished++;
                }
                opened++;
            }
            maxOpen = Math.max(maxOpen, open);
            OPEN.set(open);
            if (sampler != null && opened == streams && open == streams && sampler.retainedKb < 0) {
                int openNow = open;
                Thread.ofVirtual().start(() -> sampler.measureRetained(openNow));
            }
            selector.select(5);
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                Stream stream = (Stream) key.attachment();
                try {
                    if (key.isConnectable()) {
                        stream.channel.finishConnect();
                        key.interestOps(SelectionKey.OP_WRITE);
                    } else if (key.isWritable()) {
                        stream.channel.write(stream.request);
                        if (!stream.request.hasRemaining()) {
                            stream.sentNanos = System.nanoTime();
                            key.interestOps(SelectionKey.OP_READ);
                        }
                    } else if (key.isReadable()) {
                        readBuffer.clear();
                        int n = stream.channel.read(readBuffer);
                        long readNanos = System.nanoTime();
                        if (n < 0) {
                            if (!stream.done) {
                                stream.failure = stream.status > 0 && stream.status != 200 ? "status " + stream.status : "closed before [DONE]";
                            }
                            key.cancel();
                            stream.channel.close();
                            open--;
                            finished++;
                            continue;
                        }
                        readBuffer.flip();
                        readBuffer.get(bytes, 0, n);
                        gapCount = consume(stream, new String(bytes, 0, n, StandardCharsets.UTF_8), readNanos, gaps, gapCount);
                        if (stream.done || stream.failure != null) {
                            key.cancel();
                            stream.channel.close();
                            open--;
                            finished++;
                        }
                    }
                } catch (IOException e) {
                    stream.failure = "io: " + e.getMessage();
                    key.cancel();
                    stream.channel.close();
                    open--;
                    finished++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (Stream stream : all) {
            if (!stream.done && stream.failure == null) {
                stream.failure = "deadline";
                stream.channel.close();
            }
        }
        if (sampler != null) {
            sampler.stop.set(true);
            sampler.join();
        }
        String json = report(a, all, Arrays.copyOf(gaps, gapCount), seconds, maxOpen, sampler);
        System.out.println(json);
        if (a.containsKey("out")) {
            Files.writeString(Path.of(a.get("out")), json);
        }
    }

    /** HTTP status and headers, then chunked transfer coding, then SSE events: only as much as has arrived. */
    static int consume(Stream s, String data, long now, long[] gaps, int gapCount) {
        s.raw.append(data);
        if (!s.headersDone) {
            int end = s.raw.indexOf("\r\n\r\n");
            if (end < 0) {
                return gapCount;
            }
            String headers = s.raw.substring(0, end);
            s.status = Integer.parseInt(headers.substring(9, 12));
            s.headersDone = true;
            s.raw.delete(0, end + 4);
            if (s.status != 200) {
                s.failure = "status " + s.status;
                return gapCount;
            }
            if (!headers.toLowerCase().contains("transfer-encoding: chunked")) {
                s.chunkLeft = Long.MAX_VALUE; // identity body up to close
            }
        }
        while (s.raw.length() > 0) {
            if (s.chunkLeft < 0) {
                int eol = s.raw.indexOf("\r\n");
                if (eol < 0) {
                    break;
                }
                String size = s.raw.substring(0, eol).split(";")[0].trim();
                s.raw.delete(0, eol + 2);
                if (size.isEmpty()) {
                    continue;
                }
                s.chunkLeft = Long.parseLong(size, 16);
                if (s.chunkLeft == 0) {
                    s.ended = true;
                    s.chunkLeft = -1;
                    break;
                }
            } else {
                int take = (int) Math.min(s.chunkLeft, s.raw.length());
                s.pending.append(s.raw, 0, take);
                s.raw.delete(0, take);
                s.chunkLeft -= take;
                if (s.chunkLeft == 0) {
                    s.chunkLeft = -1;
                }
            }
        }
        int event;
        while ((event = s.pending.indexOf("\n\n")) >= 0) {
            String text = s.pending.substring(0, event);
            s.pending.delete(0, event + 2);
            if (!text.startsWith("data: ")) {
                continue;
            }
            if (text.startsWith("data: [DONE]")) {
                s.done = true;
                continue;
            }
            if (text.contains("\"content\":\"") && !text.contains("\"content\":\"\"")) {
                s.tokens++;
                if (s.ttftNanos < 0) {
                    s.ttftNanos = now - s.sentNanos;
                } else if (gapCount < gaps.length) {
                    gaps[gapCount++] = now - s.lastTokenNanos;
                }
                s.lastTokenNanos = now;
            }
        }
        if (s.ended && !s.done) {
            s.failure = "stream ended before [DONE]";
        }
        return gapCount;
    }

    static String report(Map<String, String> a, List<Stream> all, long[] gaps, double seconds, int maxOpen, Sampler sampler) {
        int expected = Integer.parseInt(a.get("tokens"));
        Map<String, Integer> failures = new TreeMap<>();
        List<Long> ttfts = new ArrayList<>();
        int ok = 0;
        long tokens = 0;
        for (Stream s : all) {
            tokens += s.tokens;
            String failure = s.failure != null ? s.failure : s.tokens != expected ? "tokens " + s.tokens + " != " + expected : null;
            if (failure == null) {
                ok++;
                ttfts.add(s.ttftNanos);
            } else {
                failures.merge(failure.replaceAll("\\d{4,}", "N"), 1, Integer::sum);
            }
        }
        long[] ttft = ttfts.stream().mapToLong(Long::longValue).sorted().toArray();
        Arrays.sort(gaps);
        double ttftReq = Double.parseDouble(a.get("ttft"));
        double itlReq = Double.parseDouble(a.get("itl"));
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"streams\": ").append(all.size()).append(",\n");
        json.append("  \"ok\": ").append(ok).append(",\n");
        json.append("  \"failed\": ").append(all.size() - ok).append(",\n");
        json.append("  \"failures\": {");
        String sep = "";
        for (var f : failures.entrySet()) {
            json.append(sep).append('"').append(f.getKey().replace("\"", "'")).append("\": ").append(f.getValue());
            sep = ", ";
        }
        json.append("},\n");
        json.append("  \"max_open\": ").append(maxOpen).append(",\n");
        json.append("  \"requested\": {\"ttft_ms\": ").append(a.get("ttft")).append(", \"itl_ms\": ").append(a.get("itl"))
                .append(", \"tokens\": ").append(a.get("tokens")).append(", \"ramp_s\": ").append(a.get("ramp")).append("},\n");
        json.append("  \"seconds\": ").append(String.format("%.2f", seconds)).append(",\n");
        json.append("  \"tokens_received\": ").append(tokens).append(",\n");
        json.append("  \"tokens_per_second\": ").append(String.format("%.0f", tokens / seconds)).append(",\n");
        json.append("  \"ttft_ms\": ").append(percentiles(ttft)).append(",\n");
        json.append("  \"itl_ms\": ").append(percentiles(gaps)).append(",\n");
        json.append("  \"ttft_p99_error_ms\": ").append(String.format("%.2f", ms(at(ttft, 0.99)) - ttftReq)).append(",\n");
        json.append("  \"itl_p99_error_ms\": ").append(String.format("%.2f", ms(at(gaps, 0.99)) - itlReq)).append(",\n");
        json.append("  \"itl_p1_error_ms\": ").append(String.format("%.2f", ms(at(gaps, 0.01)) - itlReq));
        if (sampler != null) {
            json.append(",\n  \"server\": ").append(sampler.json());
        }
        return json.append("\n}").toString();
    }

    static long at(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static String percentiles(long[] sorted) {
        return String.format("{\"count\": %d, \"min\": %.2f, \"p1\": %.2f, \"p50\": %.2f, \"p90\": %.2f, \"p99\": %.2f, \"max\": %.2f}",
                sorted.length, ms(at(sorted, 0)), ms(at(sorted, 0.01)), ms(at(sorted, 0.5)), ms(at(sorted, 0.9)),
                ms(at(sorted, 0.99)), ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
    }

    /** Samples the server process once a second: threads and RSS from /proc, heap in use from jcmd. */
    static final class Sampler extends Thread {
        static final long SETTLE_MILLIS = 5000;
        final long pid;
        final AtomicBoolean stop = new AtomicBoolean();
        final List<String> series = new ArrayList<>();
        int peakThreads;
        long peakRssKb;
        long peakHeapKb;
        long retainedKb = -1;
        int retainedAtStreams;
        long baselineLiveBytes = -1;
        long liveBytes = -1;
        long serverStreams = -1;
        long rssAtLiveKb = -1;
        final long startNanos = System.nanoTime();
        final InetSocketAddress server;

        Sampler(long pid, InetSocketAddress server) {
            super("sampler");
            this.pid = pid;
            this.server = server;
            setDaemon(true);
        }

        /** Live heap before any stream: the total of `jcmd GC.class_histogram`, which counts reachable objects only. */
        void measureBaseline() {
            baselineLiveBytes = histogramLiveBytes();
        }

        /*
         * ZGC's "used" after a collection still counts the garbage on pages it did not relocate, so the per-stream
         * figure is taken from the class histogram's live bytes, over the streams the server itself counts in flight.
         */
        long histogramLiveBytes() {
            var m = java.util.regex.Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)").matcher(jcmd("GC.class_histogram"));
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }

        long serverStreamsInFlight() {
            try (var client = java.net.http.HttpClient.newHttpClient()) {
                String metrics = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://" + server.getHostString() + ":" + server.getPort() + "/metrics")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                var m = java.util.regex.Pattern.compile("(?m)^emulator_streams_in_flight\\S*\\s+([0-9.]+)").matcher(metrics);
                return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
            } catch (Exception e) {
                return -1;
            }
        }

        long rssKb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException e) {
                return -1;
            }
            return -1;
        }

        @Override
        public void run() {
            int tick = 0;
            while (!stop.get()) {
                try {
                    int threads = 0;
                    long rss = 0;
                    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                        if (line.startsWith("Threads:")) {
                            threads = Integer.parseInt(line.substring(8).trim());
                        } else if (line.startsWith("VmRSS:")) {
                            rss = Long.parseLong(line.replaceAll("\\D", ""));
                        }
                    }
                    long heap = tick % 2 == 0 ? heapUsedKb() : -1;
                    peakThreads = Math.max(peakThreads, threads);
                    peakRssKb = Math.max(peakRssKb, rss);
                    peakHeapKb = Math.max(peakHeapKb, heap);
                    series.add(String.format("{\"t\": %.1f, \"open_streams\": %d, \"threads\": %d, \"rss_mb\": %d%s}",
                            (System.nanoTime() - startNanos) / 1e9, OPEN.get(), threads, rss / 1024,
                            heap >= 0 ? ", \"heap_mb\": " + heap / 1024 : ""));
                    tick++;
                    Thread.sleep(1000);
                } catch (Exception e) {
                    return;
                }
            }
        }

        /** Heap in use per `jcmd PID GC.heap_info`: G1 prints "used 171452K", ZGC "used 312M". */
        long heapUsedKb() {
            var m = java.util.regex.Pattern.compile("used (\\d+)([KMG])").matcher(jcmd("GC.heap_info"));
            if (!m.find()) {
                return -1;
            }
            long value = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "G" -> value * 1024 * 1024;
                case "M" -> value * 1024;
                default -> value;
            };
        }

        /** Heap still in use after a full collection while every stream is open: what the streams retain. */
        synchronized void measureRetained(int openStreams) {
            if (retainedKb < 0) {
                retainedKb = 0;
                try {
                    // the server reads the last requests a moment after the client has written them
                    Thread.sleep(SETTLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                serverStreams = serverStreamsInFlight();
                liveBytes = histogramLiveBytes();
                rssAtLiveKb = rssKb();
                jcmd("GC.run");
                retainedKb = heapUsedKb();
                retainedAtStreams = openStreams;
            }
        }

        String jcmd(String command) {
            try {
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(pid), command).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                return out;
            } catch (Exception e) {
                return "";
            }
        }

        String json() {
            return "{\"pid\": " + pid + ", \"peak_threads\": " + peakThreads + ", \"peak_rss_mb\": " + peakRssKb / 1024
                    + ", \"peak_heap_used_mb\": " + peakHeapKb / 1024 + ", \"heap_after_gc_mb\": " + retainedKb / 1024
                    + ", \"heap_after_gc_at_streams\": " + retainedAtStreams
                    + ", \"live_heap_idle_mb\": " + baselineLiveBytes / (1024 * 1024)
                    + ", \"live_heap_mb\": " + liveBytes / (1024 * 1024)
                    + ", \"server_streams_in_flight\": " + serverStreams
                    + ", \"live_heap_per_stream_kb\": " + (serverStreams > 0 && liveBytes > 0
                            ? String.format("%.1f", (liveBytes - baselineLiveBytes) / 1024.0 / serverStreams) : "null")
                    + ", \"rss_at_live_mb\": " + rssAtLiveKb / 1024
                    + ", \"series\": [" + String.join(", ", series) + "]}";
        }
    }
}
