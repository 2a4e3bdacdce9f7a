package dev.marketplace.systemtests.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.TestTarget;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Finance signs in, opens a period on the reconciliation page, runs it against the test stack's ledger, usage
 * records and Stripe stub (progress shown, then a summary and the differences by class), cannot close a period that
 * has not ended, and sees the dashboard's figures and charts. The period is never closed: other tests keep writing.
 */
class ReconciliationIT {
    private static final String BASE_URL = TestTarget.baseUrl();

    private HeadlessChromium browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = new HeadlessChromium();
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void financeRunsAPeriodSeesItsDifferencesAndCannotCloseItEarly() throws IOException {
        VaadinPage page = new VaadinPage(browser.driver(), BASE_URL);
        browser.driver().get(BASE_URL + "/finance/reconciliation");
        page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.driver().findElement(By.id("username")).sendKeys("finance");
        browser.driver().findElement(By.id("password")).sendKeys("finance");
        browser.driver().findElement(By.id("kc-login")).click();
        page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("open-period")));
        page.waitForVaadin();

        page.click(By.id("open-period"));
        page.click(By.id("run"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(120)).until(d -> {
            String text = page.textContent("progress");
            return text != null && (text.startsWith("Run ") || text.startsWith("The run failed"));
        });
        page.waitForVaadin();
        String summary = page.textContent("progress");
        browser.screenshot("reconciliation");
        assertTrue(summary.matches("Run \\d+: [0-9,]+ Stripe balance transactions \\(\\d+ pages\\).*"), summary);
        String unexplained = page.textContent("unexplained");
        assertTrue(unexplained.matches("\\d+ unexplained of \\d+ differences"), unexplained);

        page.click(By.id("close-period"));
        String refused = page.textContent("message");
        assertTrue(refused.contains("has not ended yet"), refused);

        page.open("/finance", "figure-cash");
        browser.screenshot("finance-dashboard");
        assertTrue(page.textContent("figure-cash").matches("-?\\$[0-9]+\\.[0-9]{6}"), page.textContent("figure-cash"));
        assertTrue(page.textContent("figure-developer-credit").matches("-?\\$[0-9]+\\.[0-9]{6}"));
        assertTrue(browser.driver().findElements(By.cssSelector(".finance-chart svg")).size() >= 4);
        assertTrue(browser.driver().findElement(By.id("export-months")).getAttribute("href").contains("finance-months"));
    }
}
