package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What every fuzzed answer must be, whatever the endpoint: no 5xx, no stack frame, a refusal in the endpoint's error
 * shape as JSON and free of Java class and package names. (A 200 may list what earlier callers stored, such as a file
 * named {@code Error.java}, so only stack frames are looked for in it.) Afterwards the server is still ready and
 * its SQLite file passes {@code PRAGMA integrity_check}.
 */
final class FuzzAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Server internals an answer must never show: stack frames, Java exception or package names. */
    // Each alternative is anchored or bounded: an unanchored [A-Za-z]+ would take quadratic time on a long word.
    static final Pattern INTERNALS = Pattern.compile(
            "\\tat |\\bat [a-z]+\\.[a-zA-Z0-9_.$]+\\(|\\.java:\\d|\\b[A-Za-z]{0,100}(Exception|Error)\\b|\\b(java|javax|jakarta|dev\\.llmworkbench|com\\.ibm|org\\.eclipse)\\.[a-z]");
    private static final Pattern STACK_FRAMES = Pattern.compile("\\tat |\\bat [a-z]+\\.[a-zA-Z0-9_.$]+\\(|\\.java:\\d");

    private FuzzAnswers() {
    }

    /**
     * How a refusal of this endpoint is shaped: OpenAI's, or a FastAPI integration's ({@code {"detail": "..."}} of
     * {@code /process-payload/}, {@code {"status": "error", "error": "..."}} of {@code /run-task/}), whose limits the
     * server sets before the endpoint's own code (a 413) may still answer in OpenAI's.
     */
    enum Shape {
        OPENAI, FASTAPI
    }

    /** Sends {@code request}, failing on what no answer may be; answers the response for further checks. */
    static HttpResponse<String> send(HttpRequest.Builder request, Shape shape, String what) throws Exception {
        HttpResponse<String> response = Server.HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        String problem = problem(response, shape);
        if (problem != null) {
            throw new AssertionError(problem + ": " + what + " -> " + response.statusCode() + " " + excerpt(response.body()));
        }
        return response;
    }

    /** As {@link #send} for a route that cannot be reached: its 502 or 504 (the upstream's fault, in OpenAI's shape) is allowed. */
    static HttpResponse<String> sendAllowingUpstreamFaults(HttpRequest.Builder request, String what) throws Exception {
        HttpResponse<String> response = Server.HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        boolean fault = response.statusCode() == 502 || response.statusCode() == 504;
        String problem = fault ? (refusal(response, Shape.OPENAI) && !INTERNALS.matcher(response.body()).find() ? null : "a fault not in OpenAI's shape")
                : problem(response, Shape.OPENAI);
        if (problem != null) {
            throw new AssertionError(problem + ": " + what + " -> " + response.statusCode() + " " + excerpt(response.body()));
        }
        return response;
    }

    static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(Server.URL + pathAndQuery));
    }

    /** {@code text} as one path segment or query value, whatever it holds. */
    static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String problem(HttpResponse<String> response, Shape shape) {
        int status = response.statusCode();
        if (status >= 500) {
            return "a 5xx";
        }
        if ((status >= 400 ? INTERNALS : STACK_FRAMES).matcher(response.body()).find()) {
            return "server internals in the answer";
        }
        if (status >= 400 && !refusal(response, shape)) {
            return "a refusal not in the endpoint's error shape";
        }
        return null;
    }

    private static boolean refusal(HttpResponse<String> response, Shape shape) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            return false;
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (shape == Shape.FASTAPI) {
                return body.path("detail").isTextual() || body.path("error").isTextual() || body.path("error").path("message").isTextual();
            }
            JsonNode error = body.get("error");
            return error != null && error.size() == 4 && error.get("message").isTextual() && !error.get("message").asText().isEmpty()
                    && error.get("type").isTextual() && (error.get("param").isNull() || error.get("param").isTextual())
                    && (error.get("code").isNull() || error.get("code").isTextual());
        } catch (Exception notJson) {
            return false;
        }
    }

    /** After a fuzz run: the server answers its readiness probe and its store is a sound SQLite file. */
    static void assertServerIntact() throws Exception {
        assertEquals(200, Server.get("/health/ready").statusCode(), "readiness kept");
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + CompletionLogFile.PATH);
             Statement check = sqlite.createStatement(); ResultSet result = check.executeQuery("PRAGMA integrity_check")) {
            result.next();
            assertEquals("ok", result.getString(1), "PRAGMA integrity_check of " + CompletionLogFile.PATH);
        }
    }

    static String excerpt(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
