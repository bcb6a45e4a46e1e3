package dev.llmworkbench.rest.files;

import dev.llmworkbench.application.files.port.FilePage;
import dev.llmworkbench.domain.files.StoredFile;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.time.Instant;
import java.util.List;

/** The Files API's objects as OpenAI's OpenAPI document names them, as records JSON-B maps (public, so it may). */
public final class FileJson {
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

    /**
     * {@code OpenAIFile}: {@code expires_at} only when the file expires; {@code status} is always {@code processed}
     * (deprecated, but required), and {@code status_details}, a string when present, is left out.
     */
    public record OpenAiFile(String object, String id, long bytes, long createdAt, Long expiresAt, String filename,
                             String purpose, String status) {
    }

    /** {@code ListFilesResponse}; an empty page has null ids, as OpenAI's own answer has. */
    @JsonbNillable
    public record ListFilesResponse(String object, List<OpenAiFile> data, String firstId, String lastId, boolean hasMore) {
    }

    /** {@code DeleteFileResponse}. */
    public record DeleteFileResponse(String id, String object, boolean deleted) {
    }

    private FileJson() {
    }

    static String file(StoredFile file) {
        return JSONB.toJson(object(file));
    }

    static String page(FilePage page) {
        List<OpenAiFile> files = page.files().stream().map(FileJson::object).toList();
        return JSONB.toJson(new ListFilesResponse("list", files, files.isEmpty() ? null : files.getFirst().id(),
                files.isEmpty() ? null : files.getLast().id(), page.hasMore()));
    }

    static String deleted(String id) {
        return JSONB.toJson(new DeleteFileResponse(id, "file", true));
    }

    private static OpenAiFile object(StoredFile file) {
        return new OpenAiFile("file", file.id(), file.bytes(), file.createdAt().getEpochSecond(),
                file.expiresAt().map(Instant::getEpochSecond).orElse(null), file.filename(), file.purpose().wire(), "processed");
    }
}
