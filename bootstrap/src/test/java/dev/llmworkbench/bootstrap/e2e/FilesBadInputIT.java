package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad input to the Files API, answered with a 4xx in OpenAI's error shape naming the field. */
class FilesBadInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] LINE = "{\"custom_id\":\"a\"}\n".getBytes(StandardCharsets.UTF_8);
    private static final String UNKNOWN = "file-AAAAAAAAAAAAAAAAAAAAAAAA";

    /** The error's status, Content-Type and {@code param}, as OpenAI's error shape carries them. */
    private static JsonNode assertError(HttpResponse<String> answer, int status, String param) throws Exception {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode error = JSON.readTree(answer.body()).get("error");
        assertEquals("invalid_request_error", error.get("type").asText(), answer.body());
        assertEquals(param, error.get("param").isNull() ? null : error.get("param").asText(), answer.body());
        return error;
    }

    static Stream<Arguments> badForms() {
        return Stream.of(
                Arguments.of(new Multipart().field("purpose", "batch"), "file"),
                Arguments.of(new Multipart().file("file", "in.jsonl", LINE), "purpose"),
                Arguments.of(new Multipart().field("purpose", "nonsense").file("file", "in.jsonl", LINE), "purpose"),
                Arguments.of(new Multipart().field("purpose", "batch_output").file("file", "in.jsonl", LINE), "purpose"),
                Arguments.of(new Multipart().field("purpose", "batch").file("file", "requests.txt", LINE), "file"),
                Arguments.of(new Multipart().field("purpose", "batch").field("file", "not a file"), "file"),
                Arguments.of(new Multipart().field("purpose", "batch").file("file", "in.jsonl", LINE).file("file", "b.jsonl", LINE), "file"),
                Arguments.of(new Multipart().field("purpose", "batch").field("model", "gpt-4o").file("file", "in.jsonl", LINE), "model"),
                Arguments.of(new Multipart().field("purpose", "batch").field("expires_after[anchor]", "created_at")
                        .field("expires_after[seconds]", "60").file("file", "in.jsonl", LINE), "expires_after[seconds]"),
                Arguments.of(new Multipart().field("purpose", "batch").field("expires_after[anchor]", "last_active_at")
                        .field("expires_after[seconds]", "3600").file("file", "in.jsonl", LINE), "expires_after[anchor]"));
    }

    @ParameterizedTest
    @MethodSource("badForms")
    void aBadUploadIsA400NamingItsField(Multipart form, String param) throws Exception {
        assertError(form.post("/v1/files"), 400, param);
    }

    @Test
    void anUploadThatIsNotMultipartIsA415() throws Exception {
        assertError(Server.postJson("/v1/files", "{\"purpose\":\"batch\"}"), 415, "Content-Type");
    }

    @Test
    void anUploadWhoseContentLengthIsOverTheLimitIsA413BeforeItsBodyIsSent() throws Exception {
        // 300 MB announced and none of it sent: the answer comes from the head alone (the limit is 200 MB).
        RawHttp.Answer answer = RawHttp.exchange("POST /v1/files HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=" + Multipart.BOUNDARY + "\r\n"
                + "Content-Length: 314572800\r\n\r\n", Duration.ofSeconds(20));
        assertEquals(413, answer.status(), answer.body());
        JsonNode error = JSON.readTree(answer.body()).get("error");
        assertEquals("file_too_large", error.get("code").asText());
        assertEquals("file", error.get("param").asText());
    }

    @Test
    void anUploadCutOffMidwayLeavesNoFileAndNothingInTheSpool() throws Exception {
        String name = "cut-" + UUID.randomUUID() + ".jsonl";
        byte[] form = new Multipart().field("purpose", "batch").file("file", name, new byte[2_000_000]).bytes();
        try (Socket socket = RawHttp.connect(Duration.ofSeconds(10))) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/files HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary="
                    + Multipart.BOUNDARY + "\r\nContent-Length: " + form.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(form, 0, form.length / 2);
            out.flush();
            Thread.sleep(500);
        }
        Path spool = Path.of(System.getProperty("workbench.it.db")).resolveSibling("uploads");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (spooled(spool) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, spooled(spool));
        assertFalse(Server.get("/v1/files?purpose=batch").body().contains(name));
    }

    private static long spooled(Path spool) throws Exception {
        try (Stream<Path> files = Files.list(spool)) {
            return files.count();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/content"})
    void anUnknownFileIsA404InOpenAisWords(String suffix) throws Exception {
        JsonNode error = assertError(Server.get("/v1/files/" + UNKNOWN + suffix), 404, "id");
        assertEquals("No such File object: " + UNKNOWN, error.get("message").asText());
    }

    @Test
    void deletingAnUnknownFileIsA404() throws Exception {
        assertError(Server.HTTP.send(HttpRequest.newBuilder(URI.create(Server.URL + "/v1/files/" + UNKNOWN)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()), 404, "id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=10001", "limit=ten", "limit=-1", "order=up", "order=ASC", "purpose=evals",
            "purpose="})
    void aBadListQueryIsA400NamingItsParameter(String query) throws Exception {
        assertError(Server.get("/v1/files?" + query), 400, query.substring(0, query.indexOf('=')));
    }

    @Test
    void putOnTheCollectionIsA405() throws Exception {
        assertError(Server.HTTP.send(HttpRequest.newBuilder(URI.create(Server.URL + "/v1/files"))
                .PUT(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString()), 405, null);
    }
}
