package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Raw HTTP: bad input of every kind, timing and failure headers, and OpenAPI. */
class EmulatorHttpIT {
    private static final String HELLO = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
    private static final Pattern ERROR = Pattern.compile(
            "\\{\"error\":\\{\"message\":\"[^\"]+.*\",\"type\":\"[a-z_]+\",\"param\":(null|\"(?<param>[^\"]*)\"),\"code\":(null|\"[a-z_]+\")}}");

    private static void assertError(HttpResponse<String> response, int status, String param) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        Matcher matcher = ERROR.matcher(response.body());
        assertTrue(matcher.matches(), response.body());
        assertEquals(param, matcher.group("param"), response.body());
        assertFalse(response.body().contains("at dev.") || response.body().contains("Exception"), response.body());
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"model\":\"gpt-4o\",", null),
                Arguments.of("[1,2]", null),
                Arguments.of("", null),
                Arguments.of("{\"model\":\"gpt-4o\"}", "messages"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[]}", "messages"),
                Arguments.of("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "model"),
                Arguments.of("{\"model\":7,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "model"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":\"hi\"}", "messages"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}", "messages[0].role"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\"}]}", "messages[0].content"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"video\",\"video\":{}}]}]}", "messages[0].content[0].type"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,AAAA\"}}]}]}", "messages[0].content[0].image_url"),
                Arguments.of("{\"model\":\"gpt-4o\",\"n\":\"two\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "n"),
                Arguments.of("{\"model\":\"gpt-4o\",\"n\":0,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "n"),
                Arguments.of("{\"model\":\"gpt-4o\",\"temperature\":3,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "temperature"),
                Arguments.of("{\"model\":\"gpt-4o\",\"stream\":\"yes\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "stream"),
                Arguments.of("{\"model\":\"gpt-4o\",\"foo\":1,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "foo"),
                Arguments.of("{\"model\":\"gpt-4o\",\"tool_choice\":\"required\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "tool_choice"),
                Arguments.of("{\"model\":\"gpt-4o\",\"max_tokens\":-1,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "max_tokens"),
                Arguments.of("{\"model\":\"gpt-4o\",\"top_logprobs\":2,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "top_logprobs"),
                Arguments.of("{\"model\":\"gpt-4o\",\"logprobs\":true,\"top_logprobs\":21,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "top_logprobs"),
                Arguments.of("{\"model\":\"gpt-4o\",\"logprobs\":3,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "logprobs"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badChatBodiesAre400NamingTheField(String body, String param) throws Exception {
        assertError(Server.postJson("/v1/chat/completions", body), 400, param);
    }

    /** Every bad body that is a JSON object and does not set stream itself, now asking for a stream. */
    static Stream<Arguments> badStreamedBodies() {
        return badBodies()
                .map(Arguments::get)
                .filter(arguments -> ((String) arguments[0]).startsWith("{") && !((String) arguments[0]).contains("\"stream\""))
                .map(arguments -> Arguments.of(((String) arguments[0]).replaceFirst("\\{", "{\"stream\":true,"), arguments[1]));
    }

    @ParameterizedTest
    @MethodSource("badStreamedBodies")
    void badBodiesAre400AlsoWhenStreamingWasAskedFor(String body, String param) throws Exception {
        assertError(Server.postJson("/v1/chat/completions", body), 400, param);
    }

    static Stream<Arguments> badHeaders() {
        return Stream.of(
                Arguments.of("X-TTFT-MS", "-5"), Arguments.of("X-TTFT-MS", "abc"), Arguments.of("X-TTFT-MS", "1.5"),
                Arguments.of("X-ITL-MS", "-1"), Arguments.of("X-ITL-MS", "99999999"),
                Arguments.of("X-OUTPUT-LENGTH", "1000000"), Arguments.of("X-OUTPUT-LENGTH", ""),
                Arguments.of("X-FAIL-STATUS", "200"), Arguments.of("X-FAIL-RATE", "2"), Arguments.of("X-LOAD-FACTOR", "0.5"));
    }

    @ParameterizedTest
    @MethodSource("badHeaders")
    void badTimingHeadersAre400NamingTheHeader(String header, String value) throws Exception {
        assertError(Server.postJson("/v1/chat/completions", HELLO, header, value.isEmpty() ? " " : value), 400, header);
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        assertError(Server.post("/v1/chat/completions", HELLO, "Content-Type", "text/plain"), 415, "Content-Type");
    }

    @Test
    void oversizedBodyIs413AndTheServerStaysUp() throws Exception {
        String huge = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(40 * 1024 * 1024) + "\"}]}";
        HttpResponse<String> response = Server.postJson("/v1/chat/completions", huge);
        assertEquals(413, response.statusCode());
        assertEquals(200, Server.postJson("/v1/chat/completions", HELLO, "X-TTFT-MS", "0", "X-ITL-MS", "0").statusCode());
    }

    @Test
    void anEmbeddingModelIsNotAChatModel() throws Exception {
        HttpResponse<String> response = Server.postJson("/v1/chat/completions", HELLO.replace("gpt-4o", "text-embedding-3-small"));
        assertError(response, 404, "model");
        assertTrue(response.body().contains("not a chat model"), response.body());
    }

    @Test
    void unknownPathAndWrongMethodAreOpenAiErrors() throws Exception {
        assertError(Server.get("/v1/nothing-here"), 404, null);
        assertError(Server.get("/v1/chat/completions"), 405, null);
    }

    @Test
    void legacyLogprobsOutOfRangeAre400() throws Exception {
        assertError(Server.postJson("/v1/completions", "{\"model\":\"davinci-002\",\"prompt\":\"x\",\"logprobs\":6}"), 400, "logprobs");
        assertError(Server.postJson("/v1/completions", "{\"model\":\"davinci-002\",\"prompt\":\"x\",\"logprobs\":-1}"), 400, "logprobs");
    }

    /** How evaluation harnesses score a prompt: echo it with logprobs and generate nothing. */
    @Test
    void echoWithLogprobsAndNoNewTokensRatesThePromptsTokens() throws Exception {
        HttpResponse<String> response = Server.postJson("/v1/completions",
                "{\"model\":\"davinci-002\",\"prompt\":[[9906,1917,0]],\"echo\":true,\"logprobs\":1,\"max_tokens\":0}",
                "X-TTFT-MS", "0");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode choice = new ObjectMapper().readTree(response.body()).get("choices").get(0);
        assertEquals("Hello world!", choice.get("text").asText());
        assertEquals("length", choice.get("finish_reason").asText());
        JsonNode logprobs = choice.get("logprobs");
        assertEquals(List.of("Hello", " world", "!"), new ObjectMapper().convertValue(logprobs.get("tokens"), List.class));
        assertTrue(logprobs.get("token_logprobs").get(0).isNull(), "the first token has no context");
        assertTrue(logprobs.get("top_logprobs").get(0).isNull());
        assertTrue(logprobs.get("token_logprobs").get(1).asDouble() < 0);
        assertEquals(logprobs.get("token_logprobs").get(2).asDouble(), logprobs.get("top_logprobs").get(2).get("!").asDouble());
        assertEquals(List.of(0, 5, 11), new ObjectMapper().convertValue(logprobs.get("text_offset"), List.class));

        HttpResponse<String> stream = Server.postJson("/v1/completions",
                "{\"model\":\"davinci-002\",\"prompt\":\"Hello world!\",\"echo\":true,\"logprobs\":0,\"stream\":true}",
                "X-TTFT-MS", "0", "X-ITL-MS", "0", "X-OUTPUT-LENGTH", "4");
        StringBuilder text = new StringBuilder();
        StringBuilder tokens = new StringBuilder();
        int rated = 0;
        for (String line : stream.body().split("\n")) {
            if (line.startsWith("data: {")) {
                JsonNode chunk = new ObjectMapper().readTree(line.substring(6)).get("choices").get(0);
                text.append(chunk.get("text").asText());
                if (!chunk.get("logprobs").isNull()) {
                    chunk.get("logprobs").get("tokens").forEach(t -> tokens.append(t.asText()));
                    rated += chunk.get("logprobs").get("tokens").size();
                }
            }
        }
        assertTrue(text.toString().startsWith("Hello world!"), text.toString());
        assertEquals(text.toString(), tokens.toString());
        assertEquals(3 + 4, rated, "the prompt's three tokens, then one per generated token");
    }

    @Test
    void nonStreamingResponseArrivesWhenItsLastTokenWouldHave() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = Server.postJson("/v1/chat/completions", HELLO,
                "X-TTFT-MS", "200", "X-ITL-MS", "10", "X-OUTPUT-LENGTH", "31");
        double ms = (System.nanoTime() - start) / 1e6;
        assertEquals(200, response.statusCode());
        assertTrue(ms >= 200 + 30 * 10 && ms < 200 + 30 * 10 + 400, "took " + ms);
    }

    @Test
    void injectedFailureAnswersWithTheChosenStatusInOpenAisShape() throws Exception {
        HttpResponse<String> response = Server.postJson("/v1/chat/completions", HELLO, "X-FAIL-STATUS", "429");
        assertError(response, 429, null);
        assertTrue(response.body().contains("rate_limit_exceeded"));
        assertError(Server.postJson("/v1/chat/completions", HELLO.replaceFirst("\\{", "{\"stream\":true,"), "X-FAIL-STATUS", "503"), 503, null);
    }

    @Test
    void aCutStreamEndsAfterNTokensWithoutDone() throws Exception {
        HttpResponse<String> response = Server.postJson("/v1/chat/completions", HELLO.replaceFirst("\\{", "{\"stream\":true,"),
                "X-TTFT-MS", "0", "X-ITL-MS", "1", "X-OUTPUT-LENGTH", "20", "X-CUT-AFTER-TOKENS", "5");
        assertEquals(200, response.statusCode());
        long contentChunks = response.body().lines().filter(l -> l.contains("\"content\":\"") && !l.contains("\"content\":\"\"")).count();
        assertEquals(5, contentChunks, response.body());
        assertFalse(response.body().contains("[DONE]"));
        assertFalse(response.body().contains("\"finish_reason\":\"stop\""));
    }

    @Test
    void streamIsServerSentEventsEndingWithDone() throws Exception {
        HttpResponse<String> response = Server.postJson("/v1/chat/completions", HELLO.replaceFirst("\\{", "{\"stream\":true,"),
                "X-TTFT-MS", "0", "X-ITL-MS", "0", "X-OUTPUT-LENGTH", "3");
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        List<String> events = response.body().lines().filter(l -> l.startsWith("data: ")).toList();
        assertEquals("data: [DONE]", events.getLast());
        assertEquals(1 + 3 + 1 + 1, events.size(), response.body()); // role, 3 tokens, finish, [DONE]
    }

    @Test
    void highDetailBase64ImageCountsByTilesWithoutFetchingUrls() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB), "png", png);
        String url = "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        String body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\""
                + url + "\",\"detail\":\"high\"}},{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.invalid/x.png\"}}]}]}";
        HttpResponse<String> response = Server.postJson("/v1/chat/completions", body, "X-TTFT-MS", "0", "X-ITL-MS", "0");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"prompt_tokens\":" + (3 + 1 + 765 + 85 + 3) + ","), response.body());
    }

    @Test
    void openApiDocumentAndUiAreServed() throws Exception {
        HttpResponse<String> document = Server.get("/openapi");
        assertEquals(200, document.statusCode());
        for (String path : List.of("/v1/chat/completions", "/v1/completions", "/v1/embeddings", "/v1/models",
                "/run-task/", "/api/load-tests", "/api/load-tests/{id}/events")) {
            assertTrue(document.body().contains(path), path);
        }
        assertTrue(document.body().contains("X-TTFT-MS"));
        assertEquals(200, Server.HTTP.send(HttpRequest.newBuilder(URI.create(Server.URL + "/openapi/ui/")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }
}
