package dev.marketplace.systemtests.providerapi;

import dev.marketplace.systemtests.browser.VaadinPage;
import static dev.marketplace.systemtests.providerapi.ProviderApi.expect;
import static dev.marketplace.systemtests.providerapi.ProviderApi.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.providers.RealmUsers;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.TestTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A provider member creates a token at /provider/tokens, sees its secret once, the provider API accepts it for that
 * provider only; the member revokes it on the same page and the API refuses it at once.
 */
class ProviderPortalIT {
    private static final String CHROMIUM = System.getProperty("market.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("market.chromedriver", "/usr/bin/chromedriver");

    @Test
    void aMemberCreatesATokenTheApiAcceptsAndRevokesIt() throws Exception {
        TestProviders p = TestProviders.create("portal", 1_000_000, 2_000_000);
        String username = "provtoken-" + System.currentTimeMillis();
        RealmUsers.create(username);
        RealmUsers.grantRealmRole(username, "provider");
        try (Connection c = Db.connect()) {
            Db.queryLong(c, "with m as (insert into provider_member (provider_id, username) values (?, ?) returning 1)"
                    + " select count(*) from m", p.providerId(), username);
        }
        Path profile = Files.createTempDirectory("provider-portal-it");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        WebDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build(), options);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            String page = TestTarget.baseUrl() + "/provider/tokens";
            driver.get(page);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
            driver.findElement(By.id("password")).sendKeys(username);
            driver.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.urlToBe(page));
            idle(wait);

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#token-name input"))).sendKeys("ci deploys");
            driver.findElement(By.id("token-create")).click();
            idle(wait);
            String secret = wait.until(d -> {
                Object value = ((JavascriptExecutor) d).executeScript(
                        "const f = document.getElementById('new-token-secret'); return f ? f.value : null;");
                return value == null || value.toString().isEmpty() ? null : value.toString();
            });
            assertTrue(secret.startsWith("pk-mk-v1-"), secret);
            ((JavascriptExecutor) driver).executeScript("document.getElementById('new-token-close').click();");
            idle(wait);

            String listings = expect(200, ProviderApi.get("/listings", secret)).body();
            assertTrue(listings.contains("\"id\":" + p.listingId()), listings);
            long tokenId;
            try (Connection c = Db.connect()) {
                tokenId = Db.queryLong(c, "select id from provider_token where provider_id = ? and name = 'ci deploys'"
                        + " and created_by = ?", p.providerId(), username);
                assertEquals(0, Db.queryLong(c, "select count(*) from provider_token where token_hash = ? or token_hint = ?",
                        secret, secret), "the secret is stored nowhere");
            }

            driver.get(page);
            idle(wait);
            ((JavascriptExecutor) driver).executeScript("arguments[0].click();",
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("token-revoke-" + tokenId))));
            idle(wait);
            long revokedAt = System.nanoTime();
            wait.until(d -> ProviderApi.get("/listings", secret).statusCode() == 401);
            expectError(401, null, ProviderApi.get("/listings", secret));
            System.out.printf("revoked token refused %d ms after the click's round trip%n",
                    (System.nanoTime() - revokedAt) / 1_000_000);
        } finally {
            driver.quit();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void idle(WebDriverWait wait) {
        VaadinPage.awaitIdle(wait);
    }
}
