package dev.marketplace.systemtests.providers;

import dev.marketplace.systemtests.browser.VaadinPage;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The become-a-provider page, the admin queue and the inbox, as a test drives them (waiting for Vaadin). */
final class ProviderPortalPage {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    ProviderPortalPage(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, TIMEOUT);
    }

    /** Opens a portal path signed out, signs in at Keycloak and waits to be back on that path. */
    ProviderPortalPage openAndSignIn(String path, String username, String password) {
        driver.get(baseUrl + path);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlToBe(baseUrl + path));
        waitForVaadin();
        return this;
    }

    ProviderPortalPage apply(String organisation, String countryLabel) {
        type("apply-organisation", organisation);
        type("apply-contact-name", "Pat Provider");
        type("apply-contact-email", "ops@providers.test");
        type("apply-website", "https://providers.test");
        WebElement country = driver.findElement(By.cssSelector("#apply-country input"));
        country.sendKeys(countryLabel);
        waitForVaadin();
        // pick the filtered item in the overlay (a click, not Enter, which can race the overlay's rendering)
        By item = By.xpath("//vaadin-combo-box-item[normalize-space(.)='" + countryLabel + "']");
        wait.until(ExpectedConditions.elementToBeClickable(item)).click();
        wait.until(d -> d.findElement(By.id("apply-country")).getDomAttribute("opened") == null);
        waitForVaadin();
        driver.findElement(By.cssSelector("#apply-terms input")).click();
        driver.findElement(By.id("apply-submit")).click();
        waitForVaadin();
        return this;
    }

    String status() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("apply-status"))).getText();
    }

    String message() {
        return driver.findElement(By.id("apply-message")).getText();
    }

    ProviderPortalPage approve(long applicationId) {
        WebElement approve = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approve-" + applicationId)));
        // a script click: the button sits in a grid cell that may be partly scrolled or overlaid
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", approve);
        waitForVaadin();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("approve-" + applicationId)));
        return this;
    }

    /** Waits until some cell of the grid contains {@code text} (rows render after the data arrives), then returns all. */
    List<String> waitForCell(String gridId, String text) {
        wait.until(d -> gridCells(gridId).stream().anyMatch(cell -> cell.contains(text)));
        return gridCells(gridId);
    }

    List<String> gridCells(String gridId) {
        waitForVaadin();
        @SuppressWarnings("unchecked")
        List<String> cells = VaadinPage.gridCellTexts(driver, gridId);
        return cells;
    }

    /** Tries to register an endpoint at {@code baseUrl}; returns the error shown beside the base URL field. */
    String registerEndpointRefused(String baseUrl) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("endpoint-name")));
        type("endpoint-name", "metadata");
        type("endpoint-base-url", baseUrl);
        driver.findElement(By.cssSelector("#endpoint-api-key input")).sendKeys("sk-anything-1234");
        driver.findElement(By.id("endpoint-save")).click();
        waitForVaadin();
        WebElement field = driver.findElement(By.id("endpoint-base-url"));
        wait.until(d -> field.getDomAttribute("invalid") != null);
        return String.valueOf(((JavascriptExecutor) driver).executeScript("return arguments[0].errorMessage;", field));
    }

    String unreadBadge() {
        WebElement badge = driver.findElement(By.id("inbox-unread"));
        return badge.isDisplayed() ? badge.getText() : "";
    }

    ProviderPortalPage open(String path) {
        driver.get(baseUrl + path);
        waitForVaadin();
        return this;
    }

    String navText() {
        return driver.findElement(By.className("portal-nav")).getText();
    }

    private void type(String id, String text) {
        driver.findElement(By.cssSelector("#" + id + " input")).sendKeys(text);
    }

    void waitForVaadin() {
        VaadinPage.awaitIdle(wait);
    }
}
