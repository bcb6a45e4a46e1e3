package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.rest.auth.InternalKey;
import dev.llmworkbench.domain.gateway.Route;
import dev.llmworkbench.domain.gateway.RouteKind;
import dev.llmworkbench.rest.ErrorBody;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where {@code POST /process-payload/} sends its chat completion: the route {@code ENDPOINT} and {@code API_KEY} set,
 * or, with no {@code ENDPOINT}, the built-in emulator (empty), so the endpoint works with no configuration.
 */
public final class PayloadRoute implements AutoCloseable {
    /** An answer as the payload endpoint reads it: a status and a JSON body, OpenAI's error shape for a failure. */
    record Answer(int status, String body) {
    }

    private final Optional<Route> route;
    private final HttpClient client;
    private final InternalKey internal;

    /** @param internal this process's key, for an {@code ENDPOINT} that is this server itself */
    public PayloadRoute(Optional<Route> route, InternalKey internal) {
        this.route = route;
        this.internal = internal;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Optional<Route> route() {
        return route;
    }

    /** Calls the route without waiting on a thread; a fault (refused, timeout, not HTTP) is answered in OpenAI's shape. */
    CompletableFuture<Answer> call(Route upstream, JsonObject chat) {
        HttpRequest.Builder request = HttpRequest.newBuilder(upstream.target("/chat/completions"))
                .timeout(upstream.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(chat.toString(), StandardCharsets.UTF_8));
        internal.forTarget(upstream.url()).ifPresent(key -> request.header(InternalKey.HEADER, key));
        upstream.apiKey().ifPresent(key -> {
            if (upstream.kind() == RouteKind.AZURE) {
                request.header("api-key", key.value());
            } else {
                request.header("Authorization", "Bearer " + key.value());
            }
        });
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    if (failure == null) {
                        return new Answer(response.statusCode(), response.body());
                    }
                    Throwable cause = failure.getCause() instanceof IOException io ? io : failure;
                    var fault = UpstreamFault.of(upstream.name(), cause instanceof IOException io ? io : new IOException(cause));
                    return new Answer(fault.status(), ErrorBody.json(fault.getMessage(), fault.type(), fault.param(), fault.code()));
                });
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
