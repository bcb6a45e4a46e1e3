import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Does a slow upload cost an ordinary request anything? Measures, in one run, the latency of an
 * ordinary non-streaming chat completion (zero emulated delays, one keep-alive connection, one
 * request at a time) first alone, then while {@code --uploads} other connections drip their bodies
 * one byte every {@code --drip-ms}, and prints both with the server's thread count (from /proc, with
 * {@code --pid}). Loopback only; bounded by {@code --requests}; every socket is closed at the end.
 *   java bench/SlowUploadsBench.java --url http://127.0.0.1:9080 --uploads 200 --requests 500 --pid 1234
 */
public class SlowUploadsBench {
    private static final String BODY = "{\"model\":\"gpt-3.5-turbo\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

    public static void main(String[] args) throws Exception {
        String url = option(args, "--url", "http://127.0.0.1:9080");
        int uploads = Integer.parseInt(option(args, "--uploads", "200"));
        int requests = Integer.parseInt(option(args, "--requests", "500"));
        long dripMs = Long.parseLong(option(args, "--drip-ms", "100"));
        String pid = option(args, "--pid", "");
        String[] hostPort = url.replaceFirst("^http://", "").replaceFirst("/.*$", "").split(":");
        InetSocketAddress server = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));

        measure(server, requests);   // warm-up: JIT and connection setup
        double[] alone = measure(server, requests);
        String threadsAlone = threads(pid);

        List<Socket> drips = new ArrayList<>();
        ScheduledExecutorService dripper = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < uploads; i++) {
                Socket socket = new Socket();
                socket.connect(server, 5000);
                // A body of 1 MB declared, one space at a time: no upload ends during the run.
                socket.getOutputStream().write(head(hostPort[0], 1_000_000).getBytes(StandardCharsets.US_ASCII));
                drips.add(socket);
            }
            dripper.scheduleAtFixedRate(() -> drips.forEach(SlowUploadsBench::drip), 0, dripMs, TimeUnit.MILLISECONDS);
            Thread.sleep(1000);
            double[] beside;
            try {
                beside = measure(server, requests);
            } catch (SocketTimeoutException starved) {
                System.out.printf(Locale.ROOT, "{\"uploads\":%d,\"alone_ms\":%s,\"beside_uploads\":\"no answer within 30 s\",\"threads\":%s}%n",
                        uploads, summary(alone), threads(pid));
                return;
            }
            String threadsBeside = threads(pid);
            System.out.printf(Locale.ROOT, "{\"uploads\":%d,\"drip_ms\":%d,\"requests\":%d,%n", uploads, dripMs, requests);
            System.out.printf(Locale.ROOT, " \"alone_ms\":%s,\"threads_alone\":%s,%n", summary(alone), threadsAlone);
            System.out.printf(Locale.ROOT, " \"beside_uploads_ms\":%s,\"threads_beside_uploads\":%s,%n", summary(beside), threadsBeside);
            System.out.printf(Locale.ROOT, " \"p50_added_ms\":%.2f,\"p99_added_ms\":%.2f}%n",
                    percentile(beside, 50) - percentile(alone, 50), percentile(beside, 99) - percentile(alone, 99));
        } finally {
            dripper.shutdownNow();
            for (Socket socket : drips) {
                socket.close();
            }
        }
    }

    /** {@code count} requests one after another on one keep-alive connection; each latency in ms. */
    private static double[] measure(InetSocketAddress server, int count) throws IOException {
        double[] ms = new double[count];
        try (Socket socket = new Socket()) {
            socket.connect(server, 5000);
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] request = (head(server.getHostString(), BODY.length()) + BODY).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                out.write(request);
                out.flush();
                readAnswer(in);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    private static String head(String host, int contentLength) {
        return "POST /v1/chat/completions HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                + "X-TTFT-MS: 0\r\nX-ITL-MS: 0\r\nX-OUTPUT-LENGTH: 20\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    private static void readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lastFour = 0;
        while (lastFour != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("server closed the connection");
            }
            head.write(b);
            lastFour = lastFour << 8 | b;
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        if (!text.startsWith("HTTP/1.1 200")) {
            throw new IOException("unexpected answer: " + text.lines().findFirst().orElse(""));
        }
        int length = text.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .mapToInt(l -> Integer.parseInt(l.substring(15).strip())).findFirst()
                .orElseThrow(() -> new IOException("no Content-Length"));
        in.readNBytes(length);
    }

    private static void drip(Socket socket) {
        try {
            socket.getOutputStream().write(' ');
        } catch (IOException closed) {
            // the server ended this upload; the others go on
        }
    }

    private static String summary(double[] sorted) {
        return String.format(Locale.ROOT, "{\"p50\":%.2f,\"p90\":%.2f,\"p99\":%.2f,\"max\":%.2f}",
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    private static String threads(String pid) throws IOException {
        if (pid.isEmpty()) {
            return "null";
        }
        return Files.readAllLines(Path.of("/proc", pid, "status")).stream().filter(l -> l.startsWith("Threads:"))
                .map(l -> l.substring(8).strip()).findFirst().orElse("null");
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
