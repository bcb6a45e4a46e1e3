package dev.llmworkbench.domain.gateway;

import java.util.Locale;

/**
 * How an upstream takes a request: OpenAI's URL layout and bearer key, an Azure OpenAI deployment's, or collated into
 * batches through an upstream's Files and Batches API.
 */
public enum RouteKind {
    /** {@code <base>/chat/completions} with {@code Authorization: Bearer <key>}. */
    OPENAI,
    /** {@code .../openai/deployments/<deployment>/chat/completions?api-version=...} with {@code api-key: <key>}. */
    AZURE,
    /** Chat completions held in a window, then sent as one batch: {@code <base>/files} and {@code <base>/batches}, bearer key. */
    COLLATE;

    public static RouteKind fromConfig(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "openai", "" -> OPENAI;
            case "azure" -> AZURE;
            case "collate" -> COLLATE;
            default -> throw new IllegalArgumentException("route kind must be openai, azure or collate, was " + value);
        };
    }
}
