package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The page's completion log in Chromium: filtered to one model, a row opened, and tokens by model and day charted. */
class CompletionLogPageIT {
    private static final String MODEL = "relay-page-log";
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

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        Browser.waitFor(browser, Duration.ofSeconds(15), condition);
    }

    @Test
    void filtersTheLogToAModelOpensItsRowAndChartsItsTokens() throws Exception {
        HttpResponse<String> answer = Server.postJson("/v1/chat/completions",
                "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                "X-OUTPUT-LENGTH", "5", "X-TTFT-MS", "1", "X-ITL-MS", "1");
        assertEquals(200, answer.statusCode(), answer.body());
        String id = answer.headers().firstValue("x-request-id").orElseThrow();
        CompletionLogFile.row(id);

        Browser.desktopWidth(browser);
        browser.get(Server.URL + "/#completions");
        waitFor(() -> Boolean.TRUE.equals(browser.executeScript("return typeof window.Chart === 'function'")));
        WebElement model = browser.findElement(By.cssSelector("#cl-model"));
        model.clear();
        model.sendKeys(MODEL);
        // The relay route forwards to this server's own emulator, whose answer is logged too (route "emulator").
        WebElement route = browser.findElement(By.cssSelector("#cl-route"));
        route.clear();
        route.sendKeys("relay");
        browser.findElement(By.cssSelector("#cl-apply")).click();
        waitFor(() -> browser.findElements(By.cssSelector("#cl-table tbody tr")).size() == 1
                && browser.findElements(By.cssSelector("#cl-table tbody tr[data-id='" + id + "']")).size() == 1);
        List<String> cells = browser.findElements(By.cssSelector("#cl-table tbody tr td")).stream().map(WebElement::getText).toList();
        assertEquals(MODEL, cells.get(1));
        assertEquals("relay", cells.get(2));
        assertEquals("200", cells.get(3));
        assertTrue(cells.get(4).endsWith("/ 5"), cells.toString());

        browser.findElement(By.cssSelector("#cl-table tbody tr")).click();
        waitFor(() -> browser.findElement(By.cssSelector("#cl-detail")).isDisplayed());
        assertEquals(id, browser.findElement(By.cssSelector("#cl-detail-id")).getText());
        assertEquals("5", browser.findElement(By.cssSelector("#cl-detail-fields [data-field='completion_tokens']")).getText());
        assertTrue(browser.findElement(By.cssSelector("#cl-detail-fields [data-field='messages']")).getText().contains("\"Hi\""));

        waitFor(() -> Boolean.TRUE.equals(browser.executeScript(
                "const c = document.querySelector('#cl-usage canvas'); const chart = c && window.Chart.getChart(c);"
                        + "return !!chart && chart.data.datasets.some(d => d.label === arguments[0] && d.data.some(v => v > 0));", MODEL)));
        Browser.screenshot(browser, "completion-log");
    }
}
