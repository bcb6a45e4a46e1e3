package dev.llmworkbench.bootstrap.e2e;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The Liberty server that failsafe's pre-integration-test phase started. */
final class Server {
    static final String URL = System.getProperty("workbench.it.url", "http://localhost:9081");
    // HTTP/1.1: the JDK client's default HTTP/2 opens with an h2c upgrade, and the first upgrade Liberty sees after start
    // can fail (an FFDC NullPointerException in HttpInboundLink.handleDiscrimination) and end the exchange with EOF.
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Server() {
    }

    static OpenAIClient openAi() {
        return OpenAIOkHttpClient.builder().baseUrl(URL + "/v1").apiKey("sk-test-not-a-real-key").maxRetries(0).build();
    }

    static HttpResponse<String> post(String path, String json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URL + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postJson(String path, String json, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return post(path, json, all);
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(URL + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
