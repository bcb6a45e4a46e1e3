package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page in Chromium on a server started with API keys: its files load without a key, the first refused call asks
 * for one, and with it the page's calls, a load test's live events (fetched, not EventSource) and the playground's
 * stream all work; the key stays in the tab's sessionStorage and is in no URL the page requested.
 */
class AccessPageIT {
    private static final String KEY = "sk-page-access-6c0d";
    private static ExtraServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        server = ExtraServer.start("workbench-access-page", Map.of("workbench.auth.api-keys", KEY));
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openThePageInAFreshSession() {
        Browser.desktopWidth(browser);
        browser.get(server.url() + "/");
        browser.executeScript("sessionStorage.clear(); localStorage.clear()");
        browser.navigate().refresh();
    }

    private static WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    private static void waitFor(Duration bound, BooleanSupplier condition) {
        Browser.waitFor(browser, bound, condition);
    }

    private static void giveKey(String key) {
        typeKey(key);
        waitFor(Duration.ofSeconds(5), () -> !find("#key-dialog").isDisplayed());
    }

    private static void typeKey(String key) {
        waitFor(Duration.ofSeconds(20), () -> find("#key-dialog").isDisplayed());
        find("#key-input").sendKeys(key);
        find("#key-use").click();
    }

    @Test
    void theFirstRefusedCallAsksForAKeyThatThenServesTheHistoryALoadTestAndThePlayground() {
        giveKey(KEY);
        Browser.screenshot(browser, "access-key-given");
        assertEquals(KEY, browser.executeScript("return sessionStorage.getItem('workbench.api-key')"));
        assertFalse(String.valueOf(browser.executeScript("return JSON.stringify(localStorage)")).contains(KEY), "not kept past the tab");

        browser.executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
        for (Map.Entry<String, String> field : Map.of("#lt-input-lens", "8", "#lt-output-lens", "4", "#lt-user", "2", "#lt-rate", "2",
                "#lt-time", "2s").entrySet()) {
            find(field.getKey()).clear();
            find(field.getKey()).sendKeys(field.getValue());
        }
        find("#lt-start").click();
        waitFor(Duration.ofSeconds(60), () -> "completed".equals(find("#lt-status").getDomAttribute("data-status"))
                || find("#alert").isDisplayed());
        assertFalse(find("#alert").isDisplayed(), () -> find("#alert-text").getText());
        assertTrue(browser.findElements(By.cssSelector("#lt-steps tbody tr")).size() >= 2, "results per step and overall");

        browser.get(server.url() + "/#emulator");
        waitFor(Duration.ofSeconds(10), () -> find("#pg-send").isDisplayed());
        find("#pg-message").sendKeys("Hello");
        find("#pg-send").click();
        waitFor(Duration.ofSeconds(30), () -> !find("#pg-answer").getText().isEmpty() || find("#alert").isDisplayed());
        assertFalse(find("#alert").isDisplayed(), () -> find("#alert-text").getText());
        assertFalse(find("#key-dialog").isDisplayed(), "the key given once served every later call");

        String requested = String.valueOf(browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name).join('\\n') + location.href"));
        assertFalse(requested.contains(KEY), requested);
    }

    @Test
    void aWrongKeyIsAskedForAgainAndCancellingShowsTheServersMessage() {
        typeKey("sk-page-wrong-key");
        // the dialog may close and open again faster than a poll: what shows the second asking is its reason
        waitFor(Duration.ofSeconds(20), () -> find("#key-dialog").isDisplayed()
                && find("#key-reason").getText().contains("Incorrect API key"));
        assertTrue(find("#key-reason").getText().contains("Incorrect API key"), find("#key-reason").getText());
        assertFalse(find("#key-reason").getText().contains("sk-page-wrong-key"));
        browser.executeScript("document.getElementById('key-dialog').close('cancel')");
        waitFor(Duration.ofSeconds(10), () -> find("#alert").isDisplayed());
        assertTrue(find("#alert-text").getText().contains("API key"), find("#alert-text").getText());
    }
}
