package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The page's Batches section in Chromium: upload a JSONL file, create a batch, watch it end, its files and event log. */
class BatchPageIT {
    private static ChromeDriver browser;

    @TempDir
    Path dir;

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

    private static WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    private static void waitFor(Duration bound, BooleanSupplier condition) {
        Browser.waitFor(browser, bound, condition);
    }

    private void create(String lines, String model) throws Exception {
        Path file = Files.writeString(dir.resolve("page-" + System.nanoTime() + ".jsonl"), lines);
        browser.get(Server.URL + "/#batches");
        waitFor(Duration.ofSeconds(10), () -> find("#batches").isDisplayed());
        find("#bt-file").sendKeys(file.toString());
        find("#bt-model").sendKeys(model);
        find("#bt-create").click();
    }

    @Test
    void aBatchCreatedFromTheFormEndsWithItsCountsFilesAndEvents() throws Exception {
        Browser.desktopWidth(browser);
        create(BatchFlow.chatLines("page", 5, "gpt-4o"), "google/gemma-3-4b-it");
        waitFor(Duration.ofSeconds(90), () -> "completed".equals(find("#bt-status").getText()));
        assertEquals("5 of 5 (0 failed)", find("#bt-counts").getText());
        assertEquals(List.of("validating", "in_progress", "finalizing", "completed"), browser.findElements(
                By.cssSelector("#bt-events tbody tr td:nth-child(3)")).stream().map(WebElement::getText).toList());
        WebElement output = find("#bt-output");
        assertTrue(output.isDisplayed());
        assertFalse(find("#bt-errors").isDisplayed());
        String path = output.getAttribute("href").replace(Server.URL, "");
        List<String> lines = Server.get(path).body().lines().toList();
        assertEquals(5, lines.size());
        assertTrue(lines.stream().allMatch(line -> line.contains("\"model\":\"google/gemma-3-4b-it\"")), lines.getFirst());
        String batchId = find("#bt-title").getText();
        waitFor(Duration.ofSeconds(10), () -> browser.findElements(By.cssSelector("#bt-list tbody button")).stream()
                .anyMatch(button -> button.getText().equals(batchId)));
        Browser.screenshot(browser, "batches-desktop");
        Browser.phoneWidth(browser);
        Browser.screenshot(browser, "batches-phone");
        Browser.desktopWidth(browser);
    }

    @Test
    void aRefusedFileShowsItsErrorsWithLineNumbers() throws Exception {
        Browser.desktopWidth(browser);
        create(BatchFlow.chatLines("bad", 1, "gpt-4o") + "{oops\n", "");
        waitFor(Duration.ofSeconds(60), () -> "failed".equals(find("#bt-status").getText()));
        assertEquals(List.of("line 2: invalid_json_line: This line is not parseable as valid JSON."),
                browser.findElements(By.cssSelector("#bt-problems li")).stream().map(WebElement::getText).toList());
    }
}
