package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The page's files over plain HTTP: served beside the API at the context root, without taking any of its paths. */
class PageHttpIT {
    private static final String CHART_JS = "/webjars/chart.js/4.5.1/dist/chart.umd.min.js";

    private static String type(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void servesThePageAtTheRootAsHtmlThatLoadsOnlyThisServersScripts() throws Exception {
        HttpResponse<String> page = Server.get("/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html;charset=utf-8", type(page).replace(" ", "").toLowerCase());
        assertTrue(page.body().contains("<form id=\"lt-form\""), page.body());
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
        Matcher sources = Pattern.compile("src=\"([^\"]+)\"").matcher(page.body());
        int scripts = 0;
        while (sources.find()) {
            scripts++;
            assertTrue(sources.group(1).startsWith("/"), "a script from elsewhere: " + sources.group(1));
            assertEquals(200, Server.get(sources.group(1)).statusCode(), sources.group(1));
        }
        assertEquals(2, scripts, "Chart.js and app.js");
    }

    @ParameterizedTest
    @CsvSource({
            "/app.js, text/javascript",
            "/page/load-tests.js, text/javascript",
            "/app.css, text/css",
            CHART_JS + ", text/javascript"})
    void servesEachFileOfThePageWithTheTypeABrowserRequires(String path, String expected) throws Exception {
        HttpResponse<String> file = Server.get(path);
        assertEquals(200, file.statusCode(), path);
        assertEquals(expected, type(file).split(";")[0], path);
        assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElse(""), path);
    }

    @Test
    void chartJsComesFromItsWebJarAndIsCachedForGoodUnderItsVersionedPath() throws Exception {
        HttpResponse<String> chart = Server.get(CHART_JS);
        assertTrue(chart.body().startsWith("/*!") && chart.body().contains("Chart.js v4.5.1"), chart.body().substring(0, 200));
        assertTrue(chart.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        assertEquals("no-cache", Server.get("/app.js").headers().firstValue("Cache-Control").orElse(""));
    }

    @ParameterizedTest
    @CsvSource({
            "/page/nothing.js",
            "/webjars/chart.js/4.5.1/dist/chart.umd.min.js.map",
            "/webjars/chart.js/4.5.1/package.json",
            "/webjars/",
            "/page/../WEB-INF/web.xml",
            "/WEB-INF/web.xml",
            "/nothing-here.html"})
    void answersWhatThePageDoesNotServeWith404InOpenAisErrorShape(String path) throws Exception {
        HttpResponse<String> missing = Server.get(path);
        assertEquals(404, missing.statusCode(), path);
        assertEquals("application/json", type(missing).split(";")[0], path);
        assertTrue(missing.body().startsWith("{\"error\":{\"message\":"), missing.body());
    }

    @Test
    void refusesToBeWrittenToWith405InOpenAisErrorShape() throws Exception {
        HttpResponse<String> posted = Server.postJson("/", "{}");
        assertEquals(405, posted.statusCode(), posted.body());
        assertEquals("GET, HEAD", posted.headers().firstValue("Allow").orElse(""));
        assertTrue(posted.body().startsWith("{\"error\":{\"message\":"), posted.body());
    }

    @Test
    void answersAHeadRequestWithoutABody() throws Exception {
        HttpResponse<String> head = Server.HTTP.send(HttpRequest.newBuilder(URI.create(Server.URL + "/app.css"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void leavesTheApiAndTheEmulatorWhereTheyWere() throws Exception {
        HttpResponse<String> models = Server.get("/v1/models");
        assertEquals(200, models.statusCode());
        assertTrue(models.body().startsWith("{\"object\":\"list\""), models.body());
        assertEquals(404, Server.get("/v1/nothing-here").statusCode());
        assertEquals(200, Server.get("/health/ready").statusCode());
    }
}
