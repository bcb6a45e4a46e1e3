package dev.llmworkbench.domain.chat;

import java.util.Objects;

/** An {@code image_url} part: either a {@code data:} URL carrying base64 bytes or a remote URL. */
public record ImagePart(String url, ImageDetail detail) implements ContentPart {
    public ImagePart {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean isInline() {
        return url.startsWith("data:");
    }
}
