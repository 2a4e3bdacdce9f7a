package dev.marketplace.systemtests.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The developer page of the portal, and the Keycloak sign-in in front of it, as a test drives them. Every action
 * waits for the Vaadin client to finish its round trips, since TestBench (which does that itself) is commercial.
 */
final class DeveloperPortalPage {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The confirm dialog's buttons live in its overlay, which Vaadin moves to the end of the body. */
    private static final By OPEN_CONFIRM_BUTTON =
            By.cssSelector("vaadin-confirm-dialog-overlay[opened] vaadin-button[slot='confirm-button']");

    private final WebDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    DeveloperPortalPage(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, TIMEOUT);
    }

    /** Opens {@code /developer} signed out: the portal sends the browser to Keycloak's sign-in form. */
    DeveloperPortalPage openSignedOut() {
        driver.get(baseUrl + "/developer");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        return this;
    }

    DeveloperPortalPage signInAtKeycloak(String username, String password) {
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlToBe(baseUrl + "/developer"));
        waitForVaadin();
        return this;
    }

    String balance() {
        WebElement balance = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("balance")));
        wait.until(driver -> !balance.getText().isBlank());
        return balance.getText();
    }

    /** Creates a key and returns its secret as the dialog shows it, leaving the dialog open. */
    String createKey(String name) {
        driver.findElement(By.cssSelector("#create-key-name input")).sendKeys(name);
        driver.findElement(By.id("create-key-button")).click();
        waitForVaadin();
        WebElement secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key-secret")));
        wait.until(driver -> !valueOf(secret).isEmpty());
        return valueOf(secret);
    }

    DeveloperPortalPage closeNewKeyDialog() {
        driver.findElement(By.id("new-key-close")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("new-key-secret")));
        waitForVaadin();
        return this;
    }

    List<String> keysGridCells() {
        return gridCells("keys-grid");
    }

    /** Waits until some cell of the keys grid reads exactly {@code text}. */
    DeveloperPortalPage waitForKeyCell(String text) {
        wait.until(driver -> keysGridCells().contains(text));
        return this;
    }

    DeveloperPortalPage revokeKey(String name) {
        WebElement revoke = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-button[aria-label='Revoke " + name + "']")));
        revoke.click();
        waitForVaadin();
        WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(OPEN_CONFIRM_BUTTON));
        // the button sits in the dialog's overlay; a script click avoids "element not interactable" races
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", confirm);
        waitForVaadin();
        return this;
    }

    void waitForVaadin() {
        VaadinPage.awaitIdle(wait);
    }

    private List<String> gridCells(String gridId) {
        return VaadinPage.gridCellTexts(driver, gridId);
    }

    private static String valueOf(WebElement field) {
        String value = field.getDomProperty("value");
        return value == null ? "" : value;
    }
}
