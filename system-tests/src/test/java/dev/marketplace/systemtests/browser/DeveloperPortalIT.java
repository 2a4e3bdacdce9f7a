package dev.marketplace.systemtests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A developer signs in through Keycloak, issues an API key in the portal, calls the API with it, revokes it and
 * sees the API refuse it. Runs against a started platform: {@code market.baseUrl} (default
 * {@code http://localhost:8380}), Debian's Chromium and chromedriver, the realm's {@code developer} demo user.
 */
class DeveloperPortalIT {

    private static final String BASE_URL = System.getProperty("market.baseUrl", "http://localhost:8380").replaceAll("/+$", "");
    private static final String CHROMIUM = System.getProperty("market.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("market.chromedriver", "/usr/bin/chromedriver");
    /** Secret format of an API key: {@code sk-mk-v1-} and 64 more characters. */
    private static final String KEY_PREFIX = "sk-mk-v1-";
    private static final int KEY_LENGTH = 73;
    /** How long a revoked key may still work: the API's key cache must drop it within this. */
    private static final Duration REVOCATION_DEADLINE = Duration.ofSeconds(35);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private WebDriver driver;
    private Path profile;

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = this::screenshotIfFailed;

    @BeforeEach
    void startBrowser() throws IOException {
        profile = Files.createTempDirectory("portal-it-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void issuedKeyCallsTheApiUntilRevoked() throws Exception {
        DeveloperPortalPage page = new DeveloperPortalPage(driver, BASE_URL)
                .openSignedOut()
                .signInAtKeycloak("developer", "developer");
        String balance = page.balance();
        assertTrue(balance.matches("-?\\$[0-9]+\\.[0-9]{6}"), "balance in exact micro-USD: " + balance);

        String name = "it-" + Instant.now().toEpochMilli();
        String secret = page.createKey(name);
        assertTrue(secret.startsWith(KEY_PREFIX), "secret starts with " + KEY_PREFIX);
        assertEquals(KEY_LENGTH, secret.length(), "secret length");
        page.closeNewKeyDialog().waitForKeyCell(name);
        screenshot("developer-page");

        assertEquals(200, callModel(secret), "a chat completion with the new key");

        page.revokeKey(name);
        assertTrue(page.keysGridCells().stream().anyMatch(cell -> cell.startsWith("Revoked")),
                "the grid shows the key as revoked");
        assertEquals(401, statusWithin(secret, 401, REVOCATION_DEADLINE), "a chat completion with the revoked key");
    }

    /** A small chat completion with the key, as the portal's snippet makes it; returns the HTTP status. */
    private int callModel(String secret) throws IOException, InterruptedException {
        String body = "{\"model\":\"sim/echo-1\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/chat/completions"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + secret)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Polls until the call answers {@code expected} or the deadline passes; returns the last status seen. */
    private int statusWithin(String secret, int expected, Duration deadline) throws IOException, InterruptedException {
        Instant giveUp = Instant.now().plus(deadline);
        int status = callModel(secret);
        while (status != expected && Instant.now().isBefore(giveUp)) {
            Thread.sleep(500);
            status = callModel(secret);
        }
        return status;
    }

    /** With -Dmarket.screenshots=true, keeps a picture of the page for people to look at (CI leaves it off). */
    private void screenshot(String name) throws IOException {
        if (Boolean.getBoolean("market.screenshots") && driver instanceof TakesScreenshot camera) {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + ".png"), camera.getScreenshotAs(OutputType.BYTES));
        }
    }

    private void screenshotIfFailed(ExtensionContext context) throws IOException {
        if (context.getExecutionException().isEmpty() || !(driver instanceof TakesScreenshot camera)) {
            return;
        }
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Path file = dir.resolve(getClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName() + ".png");
        Files.write(file, camera.getScreenshotAs(OutputType.BYTES));
        System.err.println("Screenshot of the failure: " + file.toAbsolutePath() + " (page " + driver.getCurrentUrl() + ")");
    }
}
