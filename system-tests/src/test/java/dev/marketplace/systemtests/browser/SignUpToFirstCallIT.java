package dev.marketplace.systemtests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.marketplace.systemtests.purchases.StripeStub;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A stranger's first minute, in headless Chromium: sign up through Keycloak's self-registration, buy $10 of credit
 * on the Stripe stub's Checkout page, create a key, call the API with exactly what the portal's snippet shows, and
 * see the call in the portal (recent calls, then the activity page's grid). Prints the elapsed time (target: under
 * 30 s).
 */
class SignUpToFirstCallIT {

    private static final String BASE_URL = System.getProperty("market.baseUrl", "http://localhost:8380").replaceAll("/+$", "");
    private static final String CHROMIUM = System.getProperty("market.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("market.chromedriver", "/usr/bin/chromedriver");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern SNIPPET_URL = Pattern.compile("curl (\\S+)");
    private static final Pattern SNIPPET_MODEL = Pattern.compile("\"model\": \"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private WebDriver driver;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        assumeTrue(StripeStub.url().isPresent(), "the stack runs against real Stripe: no stub Checkout page");
        profile = Files.createTempDirectory("signup-it-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build(), options);
        wait = new WebDriverWait(driver, TIMEOUT);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void signUpBuyCreditCreateAKeyAndCallTheApi() throws Exception {
        long t0 = System.nanoTime();
        DeveloperPortalPage portal = new DeveloperPortalPage(driver, BASE_URL);
        try {
            signUp("newdev-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4)));
            portal.waitForVaadin();

            driver.get(BASE_URL + "/credits");
            WebElement amount = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#amount input")));
            portal.waitForVaadin();
            amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), "10");
            wait.until(d -> d.findElement(By.id("quote")).getText().equals("You pay $10.00 for $10.00 of credit."));
            portal.waitForVaadin();
            driver.findElement(By.id("buy")).click();

            String stub = StripeStub.url().orElseThrow();
            wait.until(ExpectedConditions.urlContains(stub.replaceFirst("^https?://", "") + "/checkout/"));
            assertEquals("$10.00", driver.findElement(By.id("amount")).getText());
            driver.findElement(By.id("pay")).click();

            wait.until(ExpectedConditions.urlContains("/credits/success"));
            portal.waitForVaadin();
            assertEquals("$10.000000", portal.balance(), "the success page shows the new balance");
            assertEquals("Payment received and credited.", driver.findElement(By.id("checkout-status")).getText());

            driver.get(BASE_URL + "/developer");
            portal.waitForVaadin();
            String secret = portal.createKey("first-key");
            portal.closeNewKeyDialog();
            String snippet = driver.findElement(By.id("curl-example")).getText();
            String url = group(SNIPPET_URL, snippet);
            String model = group(SNIPPET_MODEL, snippet);

            HttpResponse<String> call = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + secret)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"" + model
                            + "\", \"messages\": [{\"role\": \"user\", \"content\": \"Hello!\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, call.statusCode(), call.body());

            wait.until(d -> {
                d.findElement(By.id("recent-calls-refresh")).click();
                portal.waitForVaadin();
                return recentCallCells().stream().anyMatch(model::equals);
            });
            ActivityPage activity = new ActivityPage(driver, BASE_URL).open();
            activity.wait.until(d -> activity.rows().size() == 1);
            assertEquals(model, activity.rows().get(0).get(ActivityPage.MODEL),
                    () -> "the activity page lists the call: " + activity.rows());
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("Sign-up to first call seen in the portal: %.1f s (target under 30 s)%n", seconds);
            assertTrue(seconds < 120, "the whole flow took " + seconds + " s");
        } catch (AssertionError | RuntimeException e) {
            screenshot();
            throw e;
        }
    }

    private void signUp(String username) {
        driver.get(BASE_URL + "/login?prompt=create");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-register-form")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("email")).sendKeys(username + "@example.com");
        driver.findElement(By.id("firstName")).sendKeys("New");
        driver.findElement(By.id("lastName")).sendKeys("Developer");
        driver.findElement(By.id("password")).sendKeys("Secret-pass-123");
        driver.findElement(By.id("password-confirm")).sendKeys("Secret-pass-123");
        driver.findElement(By.cssSelector("#kc-register-form [type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(BASE_URL + "/") && !d.getCurrentUrl().contains("/login"));
    }

    @SuppressWarnings("unchecked")
    private List<String> recentCallCells() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                return Array.from(document.querySelectorAll('#recent-calls-grid vaadin-grid-cell-content'))
                            .map(cell => cell.textContent.trim());""");
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), pattern + " in the snippet: " + text);
        return m.group(1);
    }

    private void screenshot() throws IOException {
        if (driver instanceof TakesScreenshot camera) {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve("SignUpToFirstCallIT.png");
            Files.write(file, camera.getScreenshotAs(OutputType.BYTES));
            System.err.println("Screenshot: " + file.toAbsolutePath() + " (page " + driver.getCurrentUrl() + ")");
        }
    }
}
