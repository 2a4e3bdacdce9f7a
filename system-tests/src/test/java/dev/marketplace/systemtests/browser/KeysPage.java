package dev.marketplace.systemtests.browser;

import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
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

    /** Fills the form and presses Enter in the name field; returns the dialog with the secret and snippets. */
    CreatedKey create(String name, String limitUsd, String resetLabel, String expiresTyped) {
        type("new-key-name", name);
        type("new-key-limit", limitUsd);
        chooseRadio("new-key-reset", resetLabel);
        typeAndTab("new-key-expires", expiresTyped);
        click(By.id("new-key-create"));
        WebElement secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key-secret")));
        wait.until(d -> !String.valueOf(secret.getDomProperty("value")).isEmpty());
        return new CreatedKey(secret.getDomProperty("value"), textContent("snippet-curl"), textContent("snippet-python"),
                textContent("snippet-javascript"), textContent("snippet-java"));
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
        click(By.cssSelector("vaadin-button[aria-label='Disable " + name + "']"));
        return this;
    }

    KeysPage delete(String name) {
        click(By.cssSelector("vaadin-button[aria-label='Delete " + name + "']"));
        confirm();
        return this;
    }

    KeysPage showDeleted() {
        driver.findElement(By.cssSelector("#keys-show-deleted input")).click();
        waitForVaadin();
        return this;
    }
}
