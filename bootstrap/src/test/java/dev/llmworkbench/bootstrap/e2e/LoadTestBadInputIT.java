package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of bad input to {@code POST /run-task/} (answered in the task runner's {@code {"status": "error",
 * "error": ...}}) and to {@code /api/load-tests} (answered in OpenAI's error shape): never a run, never a 500.
 */
class LoadTestBadInputIT {
    private static final String UNKNOWN = "lt_000000000000000000000000";

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"user\":", null),
                Arguments.of("[1]", null),
                Arguments.of("{} {}", null),
                Arguments.of("{\"max_request\":5}", "max_request"),
                Arguments.of("{\"api_key\":\"x\"}", "api_key"),
                Arguments.of("{\"model\":7}", "model"),
                Arguments.of("{\"user\":\"10\"}", "user"),
                Arguments.of("{\"user\":0}", "user"),
                Arguments.of("{\"rate\":\"10\"}", "rate"),
                Arguments.of("{\"rate\":-1}", "rate"),
                Arguments.of("{\"RANDOM_STRING\":\"yes\"}", "RANDOM_STRING"),
                Arguments.of("{\"input_lens\":\"1,,2\"}", "input_lens"),
                Arguments.of("{\"input_lens\":\"-1\"}", "input_lens"),
                Arguments.of("{\"output_lens\":\"3000000\"}", "output_lens"),
                Arguments.of("{\"output_lens\":[1.5]}", "output_lens[0]"),
                Arguments.of("{\"time_\":\"10x\"}", "time_"),
                Arguments.of("{\"time_\":\"0s\"}", "time_"),
                Arguments.of("{\"time_\":\"25h\"}", "time_"),
                Arguments.of("{\"time_\":10}", "time_"),
                Arguments.of("{\"load\":{\"type\":\"stampede\"}}", "load.type"),
                Arguments.of("{\"load\":{\"type\":7}}", "load.type"),
                Arguments.of("{\"load\":{\"type\":\"sweep\"},\"rate\":2.5}", "rate"),
                Arguments.of("{\"slo\":{\"ttft_ms\":-5}}", "slo.ttft_ms"),
                Arguments.of("{\"slo\":{\"p99\":5}}", "slo.p99"),
                Arguments.of("{\"max_requests\":\"all\"}", "max_requests"),
                Arguments.of("{\"host\":\"localhost:8000\"}", "host"),
                Arguments.of("{\"host\":\"http://localhost:8000/v1?key=1\"}", "host"),
                Arguments.of("{\"host\":\"file:///etc/passwd\"}", "host"),
                Arguments.of("{\"tags\":\"chat_completions,chat_completions\"}", "tags"),
                Arguments.of("{\"tags\":\"images\"}", "tags"),
                Arguments.of("{\"ignore_eos\":\"no\"}", "ignore_eos"),
                Arguments.of("{\"prompts\":\"{\\\"text\\\":\\\"x\\\"}\"}", "prompts[0].text"),
                Arguments.of("{\"prompts\":7}", "prompts"),
                Arguments.of("{\"headers\":{\"Authorization\":\"Bearer sk-x\"}}", "headers"),
                Arguments.of("{\"headers\":[\"X-TTFT-MS: 5\"]}", "headers"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void runTaskAnswersTheTaskRunnersErrorNamingTheField(String body, String param) throws Exception {
        HttpResponse<String> response = Server.postJson("/run-task/", body);
        assertTaskError(response, 400);
        if (param != null) {
            assertTrue(LoadTests.json(response).get("error").asText().contains(param), response.body());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void startAnswersOpenAisErrorNamingTheField(String body, String param) throws Exception {
        HttpResponse<String> response = Server.postJson("/api/load-tests", body);
        assertOpenAiError(response, 400, param);
    }

    @Test
    void aBodyThatIsNotJsonByItsContentTypeIs415() throws Exception {
        assertTaskError(Server.post("/run-task/", "{}", "Content-Type", "text/plain"), 415);
        assertOpenAiError(Server.post("/api/load-tests", "{}", "Content-Type", "text/plain"), 415, "Content-Type");
    }

    @Test
    void aBodyDeclaredPastTheLimitIs413BeforeItIsRead() throws Exception {
        RawHttp.Answer task = RawHttp.exchange(RawHttp.post("/run-task/", "Content-Length: 99999999999") + "\r\n{}", Duration.ofSeconds(10));
        assertEquals(413, task.status());
        assertTrue(task.body().startsWith("{\"status\":\"error\",\"error\":\"Request body too large"), task.body());
        RawHttp.Answer api = RawHttp.exchange(RawHttp.post("/api/load-tests", "Content-Length: 99999999999") + "\r\n{}", Duration.ofSeconds(10));
        assertEquals(413, api.status());
        assertTrue(api.body().contains("\"code\":\"request_too_large\""), api.body());
    }

    @Test
    void aBodyCountedPastTheLimitIs413() throws Exception {
        String huge = "{\"remark\":\"" + "a".repeat(33 * 1024 * 1024) + "\"}";
        assertTaskError(Server.postJson("/run-task/", huge), 413);
    }

    @Test
    void otherMethodsAre405() throws Exception {
        assertTaskError(Server.get("/run-task/"), 405);
        HttpResponse<String> delete = Server.HTTP.send(HttpRequest.newBuilder(URI.create(Server.URL + "/api/load-tests")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertOpenAiError(delete, 405, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/cancel", "/events", "/export?format=csv", "/export?format=json"})
    void anUnknownIdIs404(String tail) throws Exception {
        HttpResponse<String> response = tail.equals("/cancel")
                ? Server.postJson("/api/load-tests/" + UNKNOWN + tail, "")
                : Server.get("/api/load-tests/" + UNKNOWN + tail);
        assertOpenAiError(response, 404, "id");
        assertTrue(response.body().contains(UNKNOWN), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=101", "limit=ten", "limit=-1"})
    void aPageLimitOutsideOneToAHundredIs400(String query) throws Exception {
        assertOpenAiError(Server.get("/api/load-tests?" + query), 400, "limit");
    }

    @Test
    void compareNeedsTwoToTenKnownIds() throws Exception {
        assertOpenAiError(Server.get("/api/load-tests/compare"), 400, "ids");
        assertOpenAiError(Server.get("/api/load-tests/compare?ids=" + UNKNOWN), 400, "ids");
        assertOpenAiError(Server.get("/api/load-tests/compare?ids=" + UNKNOWN + "," + UNKNOWN.replace('0', '1')), 404, "id");
    }

    static void assertTaskError(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode body = LoadTests.json(response);
        assertEquals(List.of("status", "error"), iterable(body));
        assertEquals("error", body.get("status").asText());
        assertFalse(body.get("error").asText().isBlank() || body.get("error").asText().contains("Exception"), response.body());
    }

    static void assertOpenAiError(HttpResponse<String> response, int status, String param) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode error = LoadTests.json(response).get("error");
        assertEquals(List.of("message", "type", "param", "code"), iterable(error), response.body());
        assertEquals(param, error.get("param").isNull() ? null : error.get("param").asText(), response.body());
        assertFalse(error.get("message").asText().contains("Exception"), response.body());
    }

    private static List<String> iterable(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
