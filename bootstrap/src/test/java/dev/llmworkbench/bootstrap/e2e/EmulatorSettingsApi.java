package dev.llmworkbench.bootstrap.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls of {@code /api/emulator/config}, for the tests that change the emulator's live settings and restore them. */
final class EmulatorSettingsApi {
    static final String PATH = "/api/emulator/config";

    private EmulatorSettingsApi() {
    }

    static HttpResponse<String> patch(String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(Server.URL + PATH)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    static HttpResponse<String> reset() throws Exception {
        return send(HttpRequest.newBuilder(URI.create(Server.URL + PATH)).DELETE());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return Server.HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
