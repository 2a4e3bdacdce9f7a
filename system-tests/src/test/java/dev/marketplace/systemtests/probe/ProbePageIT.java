package dev.marketplace.systemtests.probe;

import dev.marketplace.systemtests.browser.VaadinPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.browser.HeadlessChromium;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.TestTarget;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The probe page in headless Chromium: an admin opens a pending listing's page, presses Verify, and the five checks
 * tick off to passed (the page polls while the run runs) and the run appears in the history; the start is audited.
 */
class ProbePageIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static ProbeStubs stubs;
    private static ProbeListings.Created listing;

    @BeforeAll
    static void setUp() throws Exception {
        stubs = ProbeStubs.start();
        listing = ProbeListings.create("page", ProbeStubs.HONEST_PORT, "pending", null);
    }

    @AfterAll
    static void tearDown() throws Exception {
        ProbeListings.retire(listing.listingId());
        stubs.close();
    }

    @Test
    void anAdminVerifiesAListingAndWatchesTheChecksPass() throws Exception {
        String path = "/provider/probes/" + listing.listingId();
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            WebDriver driver = chromium.driver();
            WebDriverWait wait = new WebDriverWait(driver, TIMEOUT);
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class); // the checks re-render while polled
            try {
                driver.get(TestTarget.baseUrl() + path);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("admin");
                driver.findElement(By.id("password")).sendKeys("admin");
                driver.findElement(By.id("kc-login")).click();
                wait.until(ExpectedConditions.urlToBe(TestTarget.baseUrl() + path));
                VaadinPage.awaitIdle(wait);
                assertTrue(driver.findElement(By.id("probe-current")).getText().contains("Never probed"));

                wait.until(ExpectedConditions.elementToBeClickable(By.id("probe-verify"))).click();
                for (String check : List.of("protocol", "completion", "streaming", "usage", "latency")) {
                    By item = By.id("probe-check-" + check);
                    wait.until(d -> "passed".equals(d.findElement(item).getDomAttribute("data-state")));
                }
                wait.until(d -> d.findElement(By.id("probe-current")).getText().contains(": passed"));
                String usage = driver.findElement(By.id("probe-check-usage")).getText();
                assertTrue(usage.startsWith("✔") && usage.contains("cl100k_base"), usage);
            } catch (RuntimeException | AssertionError failure) {
                System.err.println("Screenshot: " + chromium.screenshot("ProbePageIT"));
                throw failure;
            }
        }
        try (Connection c = Db.connect()) {
            assertEquals(1, Db.queryLong(c, "select count(*) from listing_probe where listing_id = ? and trigger = 'admin'"
                    + " and status = 'passed'", listing.listingId()));
            assertEquals(1, Db.queryLong(c, "select count(*) from audit_log where actor = 'admin' and action = "
                    + "'listing_probe.start' and target = ?", "listing:" + listing.listingId()));
        }
    }
}
