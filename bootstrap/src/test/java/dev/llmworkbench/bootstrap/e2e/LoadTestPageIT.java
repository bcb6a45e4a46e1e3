package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The page at GET / in Chromium: a short load test from the form to its live progress, results, history and comparison. */
class LoadTestPageIT {
    private static final Duration RUN_BOUND = Duration.ofSeconds(60);
    private static final String API_KEY = "sk-page-test-marker-7f3a";
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void openThePage() {
        Browser.desktopWidth(browser);
        browser.get(Server.URL + "/");
        waitFor(Duration.ofSeconds(10), () -> Boolean.TRUE.equals(browser.executeScript("return typeof window.Chart === 'function'")));
    }

    private static WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    private static void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    private static void waitFor(Duration bound, BooleanSupplier condition) {
        Browser.waitFor(browser, bound, condition);
    }

    private static boolean eventually(Duration bound, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private static void openDetails() {
        browser.executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
    }

    /** Fills the form for a short run and starts it; returns the run's id as the page shows it. */
    private static String start(String inputLens, String outputLens, String time, String remark) {
        openDetails();
        type("#lt-input-lens", inputLens);
        type("#lt-output-lens", outputLens);
        type("#lt-user", "2");
        type("#lt-rate", "2");
        type("#lt-time", time);
        type("#lt-remark", remark);
        if (browser.findElements(By.cssSelector(".header-row")).isEmpty()) {
            find("#lt-add-header").click();
        }
        type(".header-row [data-header-name]", "X-ITL-MS");
        type(".header-row [data-header-value]", "10");
        find("#lt-start").click();
        waitFor(Duration.ofSeconds(20), () -> find("#lt-run").isDisplayed() || find("#alert").isDisplayed());
        assertFalse(find("#alert").isDisplayed(), () -> find("#alert-text").getText());
        return find("#lt-run-title").getText().replaceFirst("^Run ", "");
    }

    /** Nothing wider than the window but what scrolls in its own box; Chart.js fits its canvases once the layout is done. */
    private static void assertFitsTheScreen() throws InterruptedException {
        boolean fits = eventually(Duration.ofSeconds(3), () -> Boolean.TRUE.equals(browser.executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth")));
        assertTrue(fits, () -> "page " + browser.executeScript("return document.documentElement.scrollWidth") + " px wide on a "
                + browser.executeScript("return document.documentElement.clientWidth") + " px screen; wider than their box: "
                + browser.executeScript("return [...document.querySelectorAll('body *')]"
                + ".filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible')"
                + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + e.scrollWidth + '/' + e.clientWidth).slice(0, 10)"));
    }

    private static String status() {
        return find("#lt-status").getDomAttribute("data-status");
    }

    private static double progress() {
        return Double.parseDouble(find("#lt-progress").getDomProperty("value"));
    }

    @Test
    void theFormStartsFromTheTaskRunnersDefaultsAndComesBackToThemOnReset() {
        browser.executeScript("localStorage.clear()");
        browser.navigate().refresh();
        // The FastAPI task runner's TaskRequest defaults, but host: empty, for this server's own emulator.
        Map<String, String> defaults = Map.of("#lt-host", "", "#lt-model", "codechat", "#lt-input-lens", "1,2",
                "#lt-output-lens", "1,2", "#lt-user", "10", "#lt-rate", "10", "#lt-time", "10s", "#lt-tags", "chat_completions",
                "#lt-remark", "", "#lt-api-key", "");
        defaults.forEach((field, value) -> assertEquals(value, find(field).getDomProperty("value"), field));
        assertFalse(find("#lt-random").isSelected());
        assertEquals("", find("#lt-ignore-eos").getDomProperty("value"), "ignore_eos left to the server");
        assertEquals("password", find("#lt-api-key").getDomProperty("type"));
        assertEquals("concurrent", find("#lt-load").getDomProperty("value"));

        openDetails();
        type("#lt-model", "gpt-4o");
        type("#lt-tags", "chat_completions:3,embeddings");
        assertTrue(find("[data-scenario=embeddings]").isSelected(), "the scenarios follow the tags");
        assertEquals("3", find("[data-weight=chat_completions]").getDomProperty("value"));
        find("#lt-defaults").click();
        waitFor(Duration.ofSeconds(2), () -> !find("[data-scenario=embeddings]").isSelected());
        defaults.forEach((field, value) -> assertEquals(value, find(field).getDomProperty("value"), field));
    }

    @Test
    void aShortRunMovesTheProgressBarThenShowsItsResultsPerStepAndJoinsTheHistory() throws Exception {
        type("#lt-api-key", API_KEY);
        String id = start("8", "4,8", "3s", "page test");
        assertFalse(((String) browser.executeScript("return JSON.stringify(localStorage)")).contains(API_KEY),
                "the API key is not kept in the browser");
        TreeSet<Double> seen = new TreeSet<>();
        waitFor(RUN_BOUND, () -> {
            seen.add(progress());
            if (seen.size() == 2) {
                Browser.screenshot(browser, "load-test-running");
            }
            return "completed".equals(status());
        });
        assertTrue(seen.stream().anyMatch(fraction -> fraction > 0 && fraction < 1), "progress seen while running: " + seen);
        assertEquals(1.0, progress());
        assertEquals(4, browser.findElements(By.cssSelector("#lt-live canvas")).size(), "live charts");

        List<WebElement> rows = browser.findElements(By.cssSelector("#lt-steps tbody tr"));
        assertEquals(List.of("8 in / 4 out", "8 in / 8 out", "Overall"),
                rows.stream().map(row -> row.findElement(By.tagName("th")).getText()).toList());
        for (WebElement row : rows) {
            int requests = Integer.parseInt(row.findElements(By.tagName("td")).get(0).getText());
            assertTrue(requests > 0, row.getText());
        }
        assertEquals(4, browser.findElements(By.cssSelector("#lt-results canvas")).size(), "charts per step");
        assertTrue(find("#lt-export-csv").getDomProperty("href").endsWith("/api/load-tests/" + id + "/export?format=csv"));
        assertEquals(200, Server.get("/api/load-tests/" + id + "/export?format=csv").statusCode());

        waitFor(Duration.ofSeconds(10), () -> !browser.findElements(By.cssSelector("#lt-history tr[data-run='" + id + "']")).isEmpty());
        String listed = find("#lt-history tr[data-run='" + id + "']").getText();
        assertTrue(listed.contains("completed") && listed.contains("page test"), listed);
        assertFitsTheScreen();
        Browser.screenshot(browser, "load-test-results");

        browser.get("about:blank");
        browser.get(Server.URL + "/#load-tests/" + id);
        waitFor(Duration.ofSeconds(10), () -> find("#lt-run").isDisplayed() && "completed".equals(status()));
        assertEquals(3, browser.findElements(By.cssSelector("#lt-steps tbody tr")).size(), "the run's address opens it again");
        assertEquals("page test", find("#lt-remark").getDomProperty("value"), "the last run's fields come back");
        assertEquals("", find("#lt-api-key").getDomProperty("value"), "but not its API key");
    }

    @Test
    void aRunningRunWithAPromptsFileIsCancelledFromItsCardAndKeepsWhatItMeasured() throws Exception {
        openDetails();
        Path prompts = Files.createTempFile("prompts", ".jsonl");
        Files.writeString(prompts, "{\"prompt\": \"Say hello\"}\n{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}\n");
        find("#lt-prompts").sendKeys(prompts.toAbsolutePath().toString());
        waitFor(Duration.ofSeconds(5), () -> find("#lt-prompts-info").getText().endsWith("2 line(s) read"));
        String id = start("8", "4", "30s", "cancel me");
        assertTrue(Server.get("/api/load-tests/" + id).body().contains("\"prompts\":{\"lines\":2}"), "the file went with the plan");
        waitFor(RUN_BOUND, () -> "running".equals(status()) && progress() > 0);
        find("#lt-cancel").click();
        waitFor(Duration.ofSeconds(20), () -> "cancelled".equals(status()));
        assertTrue(progress() < 1, "cancelled at " + progress());
        assertFalse(find("#lt-cancel").isDisplayed(), "nothing left to cancel");
        assertFalse(browser.findElements(By.cssSelector("#lt-live canvas")).isEmpty(), "the seconds it ran are charted");
    }

    @Test
    void aBadInputLengthIsRefusedWithTheServersMessageInAVisibleAlert() throws Exception {
        type("#lt-input-lens", "1,abc");
        find("#lt-start").click();
        waitFor(Duration.ofSeconds(10), () -> find("#alert").isDisplayed());
        String message = find("#alert-text").getText();
        assertTrue(message.contains("input_lens"), message);
        assertFalse(find("#lt-run").isDisplayed(), "no run shown for a refused start");
        Browser.screenshot(browser, "load-test-bad-input");
        find("#alert-close").click();
        assertFalse(find("#alert").isDisplayed());
    }

    @Test
    void twoRunsChosenInTheHistoryAreComparedSideBySideWithTheirRatio() throws Exception {
        String first = start("8", "4", "2s", "compare one");
        waitFor(RUN_BOUND, () -> "completed".equals(status()));
        String second = start("8", "8", "2s", "compare two");
        waitFor(RUN_BOUND, () -> "completed".equals(status()));
        waitFor(Duration.ofSeconds(10), () -> !browser.findElements(By.cssSelector("#lt-history tr[data-run='" + second + "']")).isEmpty());
        find("#lt-history tr[data-run='" + first + "'] input[type=checkbox]").click();
        find("#lt-history tr[data-run='" + second + "'] input[type=checkbox]").click();
        find("#lt-compare").click();
        waitFor(Duration.ofSeconds(10), () -> !browser.findElements(By.cssSelector("#lt-comparison-table")).isEmpty());
        List<String> header = browser.findElements(By.cssSelector("#lt-comparison-table thead th")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Figure", first, second, "second / first"), header);
        String requests = find("#lt-comparison-table tbody tr:nth-child(2)").getText();
        assertTrue(requests.startsWith("Overall: requests") && requests.matches(".*\\d\\.\\d\\d×$"), requests);
        Browser.screenshot(browser, "load-test-compare");
    }

    @Test
    void atAPhonesWidthEveryPartFitsTheScreenAndEveryInputHasALabel() throws Exception {
        Browser.phoneWidth(browser);
        browser.navigate().refresh();
        openDetails();
        find("#lt-add-header").click();
        List<WebElement> opened = browser.findElements(By.cssSelector("#lt-history button.link"));
        if (!opened.isEmpty()) {
            opened.get(0).click();
            waitFor(Duration.ofSeconds(10), () -> find("#lt-run").isDisplayed());
        }
        assertFitsTheScreen();
        Object unlabelled = browser.executeScript("return [...document.querySelectorAll('input, select, button')]"
                + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())"
                + ".map(e => e.outerHTML)");
        assertEquals(List.of(), unlabelled);
        Browser.screenshot(browser, "load-test-phone");
    }
}
