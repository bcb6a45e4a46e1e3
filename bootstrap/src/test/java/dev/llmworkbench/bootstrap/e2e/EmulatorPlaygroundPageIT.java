package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The page's emulator playground in Chromium: the live settings form and a streamed chat with its measured timing. */
class EmulatorPlaygroundPageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
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
    void openTheSection() {
        Browser.desktopWidth(browser);
        browser.get(Server.URL + "/#emulator");
        waitFor(() -> !browser.findElements(By.cssSelector("#pg-fields input[name='itl-ms']")).isEmpty());
    }

    @AfterEach
    void restoreTheConfiguredSettings() throws Exception {
        assertEquals(200, EmulatorSettingsApi.reset().statusCode());
    }

    private static WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    private static void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    private static void waitFor(BooleanSupplier condition) {
        Browser.waitFor(browser, Duration.ofSeconds(20), condition);
    }

    private static String setting(String key) throws Exception {
        return JSON.readTree(Server.get(EmulatorSettingsApi.PATH).body()).get(key).asText();
    }

    @Test
    void theFormShowsTheSettingsInForceAndAppliesWhatChanged() throws Exception {
        assertTrue(find("#emulator").isDisplayed());
        assertEquals("50", find("#pg-fields input[name='itl-ms']").getDomProperty("value"));
        type("#pg-fields input[name='output-length']", "12");
        type("#pg-fields input[name='itl-ms']", "40");
        find("#pg-apply").click();
        waitFor(() -> {
            try {
                return setting("output-length").equals("12");
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals("40", setting("itl-ms"));

        type("#pg-message", "Hello there");
        find("#pg-send").click();
        waitFor(() -> find("#pg-tokens").getText().equals("12"));
        assertFalse(find("#pg-answer").getText().isBlank());
        // measured by the browser: the first token after the 100 ms TTFT, then 40 ms gaps (loosely: a shared machine)
        double ttft = millis(find("#pg-ttft").getText());
        double itl = millis(find("#pg-itl").getText());
        assertTrue(ttft >= 90, "TTFT " + ttft);
        assertTrue(itl >= 30 && itl < 200, "ITL " + itl);
        Browser.screenshot(browser, "emulator-playground");
    }

    @Test
    void aBadValueShowsTheServersMessageAndChangesNothing() throws Exception {
        type("#pg-fields input[name='itl-ms']", "5");
        type("#pg-fields input[name='fail-rate']", "lots");
        find("#pg-apply").click();
        waitFor(() -> find("#alert").isDisplayed());
        assertTrue(find("#alert-text").getText().contains("fail-rate"), find("#alert-text").getText());
        assertEquals("50", setting("itl-ms"));
    }

    @Test
    void restoreBringsBackTheConfiguredValues() throws Exception {
        assertEquals(200, EmulatorSettingsApi.patch("{\"itl-ms\": 7}").statusCode());
        browser.navigate().refresh();
        waitFor(() -> "7".equals(find("#pg-fields input[name='itl-ms']").getDomProperty("value")));
        find("#pg-restore").click();
        waitFor(() -> "50".equals(find("#pg-fields input[name='itl-ms']").getDomProperty("value")));
        assertEquals("50", setting("itl-ms"));
    }

    private static double millis(String shown) {
        assertTrue(shown.endsWith(" ms"), shown);
        return Double.parseDouble(shown.substring(0, shown.length() - 3));
    }
}
