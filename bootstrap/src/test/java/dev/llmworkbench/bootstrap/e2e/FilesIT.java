package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponse;
import com.openai.errors.NotFoundException;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FileDeleted;
import com.openai.models.files.FileListParams;
import com.openai.models.files.FileObject;
import com.openai.models.files.FilePurpose;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Files API end to end: the official OpenAI Java SDK, and plain multipart HTTP checked against OpenAI's schemas. */
class FilesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LINES = "{\"custom_id\":\"request-1\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\","
            + "\"body\":{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Grüße\"}]}}\n";
    private static final long THIRTY_DAYS = 30L * 24 * 3600;

    private final OpenAIClient client = Server.openAi();

    @TempDir
    Path folder;

    @Test
    void theSdkUploadsRetrievesListsDownloadsAndDeletesABatchInput() throws Exception {
        Path input = Files.writeString(folder.resolve("requests.jsonl"), LINES);
        FileObject created = client.files().create(FileCreateParams.builder().file(input).purpose(FilePurpose.BATCH).build());
        assertTrue(created.id().startsWith("file-"), created.id());
        assertEquals(LINES.getBytes(StandardCharsets.UTF_8).length, created.bytes());
        assertEquals("requests.jsonl", created.filename());
        assertEquals(FileObject.Purpose.BATCH, created.purpose());
        assertEquals(FileObject.Status.PROCESSED, created.status());
        // OpenAI: "By default, files with purpose=batch expire after 30 days".
        assertEquals(Optional.of(created.createdAt() + THIRTY_DAYS), created.expiresAt());
        assertTrue(Math.abs(created.createdAt() - System.currentTimeMillis() / 1000) < 120);

        assertEquals(created, client.files().retrieve(created.id()));
        try (HttpResponse content = client.files().content(created.id()); InputStream body = content.body()) {
            assertArrayEquals(LINES.getBytes(StandardCharsets.UTF_8), body.readAllBytes());
        }
        List<String> listed = client.files().list(FileListParams.builder().purpose("batch").build())
                .autoPager().stream().map(FileObject::id).toList();
        assertTrue(listed.contains(created.id()), () -> listed.toString());

        FileDeleted deleted = client.files().delete(created.id());
        assertEquals(created.id(), deleted.id());
        assertTrue(deleted.deleted());
        assertThrows(NotFoundException.class, () -> client.files().retrieve(created.id()));
        assertThrows(NotFoundException.class, () -> client.files().content(created.id()));
        assertThrows(NotFoundException.class, () -> client.files().delete(created.id()));
    }

    @Test
    void theSdksExpiryIsHonouredFromTheCreationTime() throws Exception {
        Path notes = Files.writeString(folder.resolve("notes.txt"), "kept an hour");
        FileObject created = client.files().create(FileCreateParams.builder().file(notes).purpose(FilePurpose.USER_DATA)
                .expiresAfter(FileCreateParams.ExpiresAfter.builder().anchor(JsonValue.from("created_at")).seconds(3600).build())
                .build());
        assertEquals(Optional.of(created.createdAt() + 3600), created.expiresAt());
        Path kept = Files.writeString(folder.resolve("kept.txt"), "kept until deleted");
        assertEquals(Optional.empty(), client.files().create(FileCreateParams.builder().file(kept)
                .purpose(FilePurpose.USER_DATA).build()).expiresAt());
    }

    @Test
    void plainMultipartUploadAnswersEveryObjectInOpenAisSchemas() throws Exception {
        byte[] lines = LINES.repeat(3).getBytes(StandardCharsets.UTF_8);
        var created = new Multipart().field("purpose", "batch").file("file", "guide.jsonl", lines).post("/v1/files");
        assertEquals(200, created.statusCode(), created.body());
        OpenApiSchemas.assertValid("OpenAIFile", created.body());
        JsonNode file = JSON.readTree(created.body());
        String id = file.get("id").asText();
        assertEquals("file", file.get("object").asText());
        assertEquals(lines.length, file.get("bytes").asLong());
        assertEquals("guide.jsonl", file.get("filename").asText());
        assertEquals("batch", file.get("purpose").asText());
        assertEquals("processed", file.get("status").asText());

        var got = Server.get("/v1/files/" + id);
        OpenApiSchemas.assertValid("OpenAIFile", got.body());
        assertEquals(file, JSON.readTree(got.body()));

        var listed = Server.get("/v1/files?purpose=batch&order=desc");
        OpenApiSchemas.assertValid("ListFilesResponse", listed.body());
        assertEquals("list", JSON.readTree(listed.body()).get("object").asText());

        var content = Server.HTTP.send(HttpRequest.newBuilder(URI.create(Server.URL + "/v1/files/" + id + "/content")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, content.statusCode());
        assertEquals(Optional.of("application/jsonl"), content.headers().firstValue("Content-Type").map(t -> t.split(";")[0]));
        assertArrayEquals(lines, content.body());

        var deleted = Server.HTTP.send(HttpRequest.newBuilder(URI.create(Server.URL + "/v1/files/" + id)).DELETE().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, deleted.statusCode());
        OpenApiSchemas.assertValid("DeleteFileResponse", deleted.body());
        assertEquals(JSON.readTree("{\"id\":\"" + id + "\",\"object\":\"file\",\"deleted\":true}"), JSON.readTree(deleted.body()));
    }

    @Test
    void aBinaryFileComesBackByteForByteAsOctetStream() throws Exception {
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + (i >> 8));
        }
        var created = new Multipart().file("file", "image.bin", bytes).field("purpose", "vision").post("/v1/files");
        assertEquals(200, created.statusCode(), created.body());
        String id = JSON.readTree(created.body()).get("id").asText();
        var content = Server.HTTP.send(HttpRequest.newBuilder(URI.create(Server.URL + "/v1/files/" + id + "/content")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(Optional.of("application/octet-stream"), content.headers().firstValue("Content-Type").map(t -> t.split(";")[0]));
        assertEquals(Optional.of(String.valueOf(bytes.length)), content.headers().firstValue("Content-Length"));
        assertArrayEquals(bytes, content.body());
    }

    @Test
    void pagesThroughTheFilesOfAPurposeOneByOneInBothOrders() throws Exception {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var created = new Multipart().field("purpose", "fine-tune")
                    .file("file", "train-" + UUID.randomUUID() + ".jsonl", LINES.getBytes(StandardCharsets.UTF_8)).post("/v1/files");
            mine.add(JSON.readTree(created.body()).get("id").asText());
        }
        List<String> ascending = ids(JSON.readTree(Server.get("/v1/files?purpose=fine-tune&order=asc").body()));
        assertTrue(ascending.containsAll(mine), ascending::toString);
        List<String> descending = ids(JSON.readTree(Server.get("/v1/files?purpose=fine-tune").body()));
        assertEquals(ascending.reversed(), descending);

        List<String> paged = new ArrayList<>();
        String after = "";
        while (true) {
            JsonNode page = JSON.readTree(Server.get("/v1/files?purpose=fine-tune&order=asc&limit=1&after=" + after).body());
            paged.addAll(ids(page));
            assertEquals(page.get("first_id").asText(), page.get("last_id").asText());
            if (!page.get("has_more").asBoolean()) {
                break;
            }
            after = page.get("last_id").asText();
        }
        assertEquals(ascending, paged);
        assertFalse(paged.isEmpty());
    }

    @Test
    void theServersOpenApiDocumentDescribesTheUploadAndTheList() throws Exception {
        var document = Server.HTTP.send(HttpRequest.newBuilder(URI.create(Server.URL + "/openapi")).header("Accept", "application/json")
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        JsonNode files = JSON.readTree(document.body()).get("paths").get("/v1/files");
        assertEquals("createFile", files.get("post").get("operationId").asText());
        assertEquals("listFiles", files.get("get").get("operationId").asText());
        assertTrue(JSON.readTree(document.body()).get("paths").has("/v1/files/{id}/content"));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(file -> ids.add(file.get("id").asText()));
        return ids;
    }
}
