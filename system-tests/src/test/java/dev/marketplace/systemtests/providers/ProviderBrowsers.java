package dev.marketplace.systemtests.providers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** One person's own headless Chromium (fresh profile, no shared session), with a screenshot when a step fails. */
final class ProviderBrowsers {

    private static final String CHROMIUM = System.getProperty("market.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("market.chromedriver", "/usr/bin/chromedriver");

    private ProviderBrowsers() {
    }

    /** Runs {@code steps} in a new browser; on failure saves {@code target/screenshots/providers-<who>.png}. */
    static void inBrowser(String who, Consumer<WebDriver> steps) throws IOException {
        Path profile = Files.createTempDirectory("providers-it-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        WebDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build(), options);
        try {
            steps.accept(driver);
        } catch (RuntimeException | AssertionError failure) {
            screenshot(driver, who);
            throw failure;
        } finally {
            driver.quit();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void screenshot(WebDriver driver, String who) throws IOException {
        if (driver instanceof TakesScreenshot camera) {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve("providers-" + who + ".png");
            Files.write(file, camera.getScreenshotAs(OutputType.BYTES));
            System.err.println("Screenshot of the failure: " + file.toAbsolutePath() + " (page " + driver.getCurrentUrl() + ")");
        }
    }
}
