package dev.marketplace.systemtests.catalog;

import dev.marketplace.systemtests.browser.VaadinPage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The catalog, dashboard and admin pages as the system tests drive them, signing in at Keycloak when asked. */
public final class PortalBrowser extends VaadinPage {

    public PortalBrowser(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    /** Fills Keycloak's login form (the browser must be on it) and waits to be back on {@code path}. */
    public PortalBrowser signIn(String username, String password, String path) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlToBe(baseUrl + path));
        waitForVaadin();
        return this;
    }

    /** Opens a guarded page signed out: its role gate sends the browser to sign in and back; signs in there. */
    public PortalBrowser openSignedIn(String path, String username, String password) {
        driver.get(baseUrl + path);
        return signIn(username, password, path);
    }

    public String attribute(By element, String name) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(element)).getDomAttribute(name);
    }

    /** The text of the page's first h2 once the view has been entered (the role guard's answer, for instance). */
    public String heading2() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h2"))).getText();
    }

    /** Clicks a link that leaves the Vaadin app (a full page load), without waiting for Vaadin. */
    public void followLink(String id) {
        js("arguments[0].click();", wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id))));
    }

    public void waitVisible(String id) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** Waits until the element has the attribute, and returns its value. */
    public String waitForAttribute(String id, String name) {
        return wait.until(d -> d.findElement(By.id(id)).getDomAttribute(name));
    }

    public void typeInTextArea(String id, String text) {
        driver.findElement(By.cssSelector("#" + id + " textarea")).sendKeys(text);
    }

    public WebDriver driver() {
        return driver;
    }
}
