package dev.llmworkbench.bootstrap.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** HTTP/1.1 over a plain socket, for requests no HTTP client library would send. */
final class RawHttp {
    static final URI SERVER = URI.create(Server.URL);

    private RawHttp() {
    }

    /** One answer: the whole head as sent, the body, and how long the server took to finish it. */
    record Answer(int status, String head, String body, Duration took) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    static Socket connect(Duration readTimeout) throws IOException {
        Socket socket = new Socket(SERVER.getHost(), SERVER.getPort());
        socket.setSoTimeout((int) readTimeout.toMillis());
        return socket;
    }

    /** Sends {@code request} as ISO-8859-1 bytes and reads one answer, waiting at most {@code bound}. */
    static Answer exchange(String request, Duration bound) throws IOException {
        try (Socket socket = connect(bound)) {
            long start = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read(socket.getInputStream(), start);
        }
    }

    /** Reads the head, then as many body bytes as Content-Length says (or up to the close). */
    static Answer read(InputStream in, long start) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!endsWithBlankLine(head)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before a complete head: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(headText.split(" ", 3)[1]);
        String length = new Answer(status, headText, "", Duration.ZERO).header("Content-Length");
        byte[] body = length != null ? in.readNBytes(Integer.parseInt(length)) : readToClose(in);
        return new Answer(status, headText, new String(body, StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - start));
    }

    private static byte[] readToClose(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (SocketTimeoutException stillOpen) {
            return new byte[0];
        }
    }

    private static boolean endsWithBlankLine(ByteArrayOutputStream head) {
        byte[] bytes = head.toByteArray();
        int n = bytes.length;
        return n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n';
    }

    /** A POST head for the emulator with a JSON content type; the caller appends the body. */
    static String post(String path, String... headers) {
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(SERVER.getHost().toLowerCase(Locale.ROOT)).append("\r\nContent-Type: application/json\r\nConnection: close\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.toString();
    }

    static String postJson(String path, String json) {
        return post(path, "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + json;
    }
}
