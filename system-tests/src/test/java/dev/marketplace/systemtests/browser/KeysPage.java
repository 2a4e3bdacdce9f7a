package dev.marketplace.systemtests.browser;

import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The portal's keys page ({@code /keys}) as a test drives it. */
final class KeysPage extends VaadinPage {
    static final String GRID = "keys-page-grid";
    /** Columns of the keys grid, in order. */
    static final int NAME = 0;
    static final int STATUS = 2;
    static final int LIMIT = 3;
    static final int USED_PERIOD = 4;
    static final int REMAINING = 5;
    static final int USED_TOTAL = 6;
    static final int LAST_USED = 7;
    static final int EXPIRES = 8;

    KeysPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    KeysPage open() {
        open("/keys", GRID);
        return this;
    }

    /**
     * Fills the form and presses Enter in the expiry field (which commits the typed date and submits the form, as a
     * keyboard user would); returns what the new-key dialog shows.
     */
    CreatedKey create(String name, String limitUsd, String resetLabel, String expiresTyped) {
        type("new-key-name", name);
        type("new-key-limit", limitUsd);
        chooseRadio("new-key-reset", resetLabel);
        type("new-key-expires", expiresTyped);
        driver.findElement(By.cssSelector("#new-key-expires input")).sendKeys(Keys.ENTER);
        waitForVaadin();
        WebElement secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key-secret")));
        wait.until(d -> !String.valueOf(secret.getDomProperty("value")).isEmpty());
        return new CreatedKey(secret.getDomProperty("value"), snippet("curl"), snippet("Python"), snippet("JavaScript"),
                snippet("Java"));
    }

    /** Opens a snippet's tab (only the selected tab's content is in the page) and reads its code. */
    private String snippet(String language) {
        js("Array.from(document.querySelectorAll('#new-key-snippets vaadin-tab'))"
                + ".find(t => t.textContent.trim() === arguments[0]).click();", language);
        waitForVaadin();
        String id = "snippet-" + language.toLowerCase();
        return wait.until(d -> textContent(id));
    }

    /** What the new-key dialog shows: the secret and each language's snippet. */
    record CreatedKey(String secret, String curl, String python, String javascript, String java) {
    }

    /** The form's error under a field, e.g. {@code new-key-limit}; empty when the field is valid. */
    String fieldError(String fieldId) {
        Object invalid = js("return document.getElementById(arguments[0]).invalid;", fieldId);
        return Boolean.TRUE.equals(invalid)
                ? String.valueOf(js("return document.getElementById(arguments[0]).errorMessage;", fieldId)) : "";
    }

    KeysPage closeDialog() {
        click(By.id("new-key-close"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("new-key-secret")));
        return this;
    }

    Optional<List<String>> row(String name) {
        return gridRows(GRID).stream().filter(cells -> cells.get(NAME).equals(name)).findFirst();
    }

    List<String> waitForRow(String name) {
        return wait.until(d -> row(name).orElse(null));
    }

    KeysPage disable(String name) {
        clickByScript(By.cssSelector("vaadin-button[aria-label='Disable " + name + "']"));
        return this;
    }

    KeysPage delete(String name) {
        clickByScript(By.cssSelector("vaadin-button[aria-label='Delete " + name + "']"));
        confirm();
        return this;
    }

    KeysPage showDeleted() {
        driver.findElement(By.cssSelector("#keys-show-deleted input")).click();
        waitForVaadin();
        return this;
    }
}
