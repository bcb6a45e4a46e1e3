package dev.llmworkbench.domain.gateway;

import java.util.Locale;

/** How an upstream takes a request: OpenAI's URL layout and bearer key, or an Azure OpenAI deployment's. */
public enum RouteKind {
    /** {@code <base>/chat/completions} with {@code Authorization: Bearer <key>}. */
    OPENAI,
    /** {@code .../openai/deployments/<deployment>/chat/completions?api-version=...} with {@code api-key: <key>}. */
    AZURE;

    public static RouteKind fromConfig(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "openai", "" -> OPENAI;
            case "azure" -> AZURE;
            default -> throw new IllegalArgumentException("route kind must be openai or azure, was " + value);
        };
    }
}
