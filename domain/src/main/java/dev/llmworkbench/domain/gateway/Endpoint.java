package dev.llmworkbench.domain.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The FastAPI integration's {@code ENDPOINT} as a route. Three forms are accepted: an Azure OpenAI deployment URL
 * ({@code https://x.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21}, called with
 * the {@code api-key} header as Azure expects), a full chat-completions URL ({@code https://api.openai.com/v1/chat/completions}),
 * and a base URL ({@code https://api.openai.com/v1}), to which {@code /chat/completions} is added.
 */
public final class Endpoint {
    private static final Pattern AZURE = Pattern.compile("(https?://[^?#]+/openai/deployments/[^/?#]+)(?:/chat/completions)?/?"
            + "\\?(?:.*&)?api-version=([^&#]+).*");
    private static final String CHAT = "/chat/completions";

    private Endpoint() {
    }

    /** @throws IllegalArgumentException when {@code endpoint} is none of the accepted forms */
    public static Route route(String name, String endpoint, Optional<ApiKey> key, Duration timeout) {
        String url = endpoint.strip();
        Matcher azure = AZURE.matcher(url);
        if (azure.matches()) {
            return new Route(name, URI.create(azure.group(1)), key, List.of(new ModelPattern("*")), timeout, Integer.MAX_VALUE,
                    RouteKind.AZURE, Optional.of(azure.group(2)));
        }
        if (url.contains("/openai/deployments/")) {
            throw new IllegalArgumentException("ENDPOINT names an Azure deployment but no api-version: add ?api-version=...");
        }
        String base = url.replaceAll("/+$", "");
        if (base.endsWith(CHAT)) {
            base = base.substring(0, base.length() - CHAT.length());
        }
        return new Route(name, URI.create(base), key, List.of(new ModelPattern("*")), timeout, Integer.MAX_VALUE, RouteKind.OPENAI,
                Optional.empty());
    }
}
