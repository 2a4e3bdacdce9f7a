package dev.marketplace.systemtests.finance;

import dev.marketplace.systemtests.browser.VaadinPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One finance user's own headless Chromium on the settlement pages, waiting for Vaadin after each step. */
final class FinancePage implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String baseUrl;
    private final String who;
    private final Path profile;
    private final WebDriver driver;
    private final WebDriverWait wait;

    FinancePage(String baseUrl, String who) throws IOException {
        this.baseUrl = baseUrl;
        this.who = who;
        profile = Files.createTempDirectory("finance-it-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("market.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1200", "--user-data-dir=" + profile);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(
                Path.of(System.getProperty("market.chromedriver", "/usr/bin/chromedriver")).toFile()).build(), options);
        wait = new WebDriverWait(driver, TIMEOUT);
    }

    /** Opens a path signed out, signs in at Keycloak (user = password) and waits to be back. */
    FinancePage signIn(String path) {
        driver.get(baseUrl + path);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(who);
        driver.findElement(By.id("password")).sendKeys(who);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlToBe(baseUrl + path));
        idle();
        return this;
    }

    FinancePage open(String path, String readyId) {
        driver.get(baseUrl + path);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(readyId)));
        idle();
        return this;
    }

    void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
        idle();
    }

    /** Waits until the element's text contains {@code expected}; returns the text. */
    String awaitText(String id, String expected) {
        wait.until(d -> {
            String text = text(id);
            return text != null && text.contains(expected);
        });
        return text(id);
    }

    String text(String id) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "const e = document.getElementById(arguments[0]); return e ? e.textContent : null;", id);
    }

    /** Fetches a path with this browser's session (e.g. an export); returns the status, a newline, the body. */
    String fetch(String path) {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'})"
                + ".then(r => r.text().then(t => done(r.status + '\\n' + t)))"
                + ".catch(e => done('0\\n' + e));", path);
    }

    private void idle() {
        VaadinPage.awaitIdle(wait);
    }

    /** Saves {@code target/screenshots/<name>.png} (for a failure). */
    void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
