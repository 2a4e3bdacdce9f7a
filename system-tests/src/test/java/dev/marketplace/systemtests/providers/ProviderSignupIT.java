package dev.marketplace.systemtests.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.Db;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Sign-up → approval: a brand-new realm user applies to become a provider, the demo admin approves in the queue,
 * and the user's next sign-in carries the provider role, with the provider row, the audit entry and the inbox notice
 * to match; the new provider's first endpoint at a metadata address is refused with nothing written. Each person
 * uses their own browser (no shared session).
 */
class ProviderSignupIT {

    private static final String BASE_URL = System.getProperty("market.baseUrl", "http://localhost:8380").replaceAll("/+$", "");
    private static final String CHROMIUM = System.getProperty("market.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("market.chromedriver", "/usr/bin/chromedriver");

    @Test
    void aNewUserAppliesAndAnAdminApproves() throws Exception {
        String username = "applicant-" + System.currentTimeMillis();
        String organisation = "Applicant Models " + username.substring(10);
        RealmUsers.create(username);
        assertFalse(RealmUsers.realmRolesInFreshToken(username).contains("\"provider\""));

        inBrowser("applicant", driver -> {
            ProviderPortalPage page = new ProviderPortalPage(driver, BASE_URL).openAndSignIn("/provider/apply", username, username);
            page.apply(organisation, "DE · Germany");
            String status = page.status();
            assertTrue(status.contains("waiting for an administrator"), () -> status + " / " + page.message());
        });

        long applicationId;
        try (Connection c = Db.connect()) {
            applicationId = Db.queryLong(c, "select id from provider_application where username = ? and status = 'pending' "
                    + "and country = 'DE'", username);
        }

        inBrowser("admin", driver -> {
            ProviderPortalPage page = new ProviderPortalPage(driver, BASE_URL).openAndSignIn("/admin/providers", "admin", "admin");
            assertTrue(page.waitForCell("provider-applications", organisation).contains(organisation));
            page.approve(applicationId);
            List<String> audit = page.open("/admin/audit").waitForCell("audit-log", "provider_application:" + applicationId);
            assertTrue(audit.contains("provider_application:" + applicationId), audit.toString());
        });

        assertTrue(RealmUsers.realmRolesInFreshToken(username).contains("\"provider\""), "Keycloak granted the role");
        try (Connection c = Db.connect()) {
            assertEquals(1, Db.queryLong(c, "select count(*) from provider_member m join provider p on p.id = m.provider_id "
                    + "where m.username = ? and p.name = ?", username, organisation));
            assertEquals(1, Db.queryLong(c, "select count(*) from audit_log where actor = 'admin' "
                    + "and action = 'provider_application.approve' and target = ?", "provider_application:" + applicationId));
        }

        inBrowser("applicant-again", driver -> {
            ProviderPortalPage page = new ProviderPortalPage(driver, BASE_URL).openAndSignIn("/provider/apply", username, username);
            assertTrue(page.navText().contains("Provider"), page.navText());
            assertEquals("1", page.unreadBadge());
            List<String> notices = page.open("/inbox").waitForCell("inbox-notices", "approved");
            assertTrue(notices.stream().anyMatch(text -> text.contains("approved")), notices.toString());

            String refused = page.open("/provider/endpoints").registerEndpointRefused("http://169.254.169.254/latest/meta-data/");
            assertTrue(refused.contains("a cloud metadata address"), refused);
        });
        try (Connection c = Db.connect()) {
            assertEquals(0, Db.queryLong(c, "select count(*) from provider_endpoint e join provider_member m "
                    + "on m.provider_id = e.provider_id where m.username = ?", username));
        }
    }

    private void inBrowser(String who, Consumer<WebDriver> steps) throws IOException {
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
            Path file = dir.resolve("ProviderSignupIT-" + who + ".png");
            Files.write(file, camera.getScreenshotAs(OutputType.BYTES));
            System.err.println("Screenshot of the failure: " + file.toAbsolutePath() + " (page " + driver.getCurrentUrl() + ")");
        }
    }
}
