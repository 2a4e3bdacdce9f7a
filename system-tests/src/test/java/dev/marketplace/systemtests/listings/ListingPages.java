package dev.marketplace.systemtests.listings;

import dev.marketplace.systemtests.browser.VaadinPage;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The provider's endpoints and listings pages and the admin's listing queue and registry, as a test drives them. */
public final class ListingPages {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    public ListingPages(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, TIMEOUT);
    }

    public ListingPages signIn(String path, String username) {
        driver.get(baseUrl + path);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(username.equals("admin") ? "admin" : username);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlToBe(baseUrl + path));
        waitForVaadin();
        return this;
    }

    public ListingPages open(String path) {
        driver.get(baseUrl + path);
        waitForVaadin();
        return this;
    }

    /** Fills the endpoint form and saves; returns the message line (a summary, or what was saved). */
    public String registerEndpoint(String name, String baseUrlOfEndpoint, String key, String listModelsUrl) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("endpoint-name")));
        type("endpoint-name", name);
        type("endpoint-base-url", baseUrlOfEndpoint);
        type("endpoint-api-key", key);
        type("endpoint-max-concurrency", "8");
        type("endpoint-list-models-url", listModelsUrl);
        click("endpoint-save");
        WebElement message = driver.findElement(By.id("endpoint-message"));
        wait.until(d -> !message.getText().isBlank());
        return message.getText();
    }

    /** The error shown beside a field, or null when it is valid. */
    String fieldError(String id) {
        WebElement field = driver.findElement(By.id(id));
        return field.getDomAttribute("invalid") == null ? null
                : String.valueOf(js("return arguments[0].errorMessage;", field));
    }

    /** Picks the endpoint in the import box, imports, and returns the result text. */
    public String importFrom(String endpointName) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#import-endpoint input")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(endpointName);
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(e -> e.getText().trim().startsWith(endpointName + " ·")).findFirst().orElse(null));
        item.click();
        waitForVaadin();
        click("import-run");
        WebElement result = driver.findElement(By.id("import-result"));
        wait.until(d -> !result.getText().isBlank());
        return result.getText();
    }

    /** Presses a button found by id (a script click: it may sit in a scrolled grid cell) and waits for Vaadin. */
    public void click(String id) {
        WebElement button = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        js("arguments[0].click();", button);
        waitForVaadin();
    }

    /** Opens a reason dialog with the button, types the reason and confirms. */
    void decideWithReason(String buttonId, String reason) {
        click(buttonId);
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#decision-reason textarea")));
        text.sendKeys(reason, Keys.TAB);
        click("decision-confirm");
    }

    public String text(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id))).getText();
    }

    /** Waits until some cell of the grid contains {@code text}, then returns all cells. */
    public List<String> waitForCell(String gridId, String text) {
        wait.until(d -> gridCells(gridId).stream().anyMatch(cell -> cell.contains(text)));
        return gridCells(gridId);
    }

    List<String> gridCells(String gridId) {
        waitForVaadin();
        return VaadinPage.gridCellTexts(driver, gridId);
    }

    public String pageText() {
        waitForVaadin();
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Types into a field and leaves it (Tab): Vaadin sends a field's value on change, which fires on blur. */
    private void type(String id, String text) {
        WebElement input = driver.findElement(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
    }

    void waitForVaadin() {
        VaadinPage.awaitIdle(wait);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
