package dev.llmworkbench.bootstrap.e2e;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A multipart/form-data body written by hand, as curl -F sends one, for the Files API's plain-HTTP tests. */
final class Multipart {
    static final String BOUNDARY = "------------------------d74496d66958873e";

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Multipart field(String name, String value) {
        text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    Multipart file(String name, String filename, byte[] content) {
        text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        text("\r\n");
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.writeBytes(body.toByteArray());
        whole.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return whole.toByteArray();
    }

    HttpResponse<String> post(String path) throws Exception {
        return Server.HTTP.send(HttpRequest.newBuilder(URI.create(Server.URL + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void text(String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
