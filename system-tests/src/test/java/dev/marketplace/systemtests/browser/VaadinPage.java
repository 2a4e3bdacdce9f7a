package dev.marketplace.systemtests.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every portal page object needs from Vaadin's components: wait for the client to be idle, type into a field,
 * pick a radio button or a combo-box item, read a grid row by row, press a button in a confirm dialog.
 */
public class VaadinPage {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String VAADIN_IDLE = """
            return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients
                && Object.values(window.Vaadin.Flow.clients)
                         .every(c => typeof c.isActive !== 'function' || !c.isActive()));""";
    /** Every grid cell's text, in document order (for "does the grid show this" checks). */
    private static final String GRID_CELL_TEXTS = """
            return Array.from(document.querySelectorAll('#' + arguments[0] + ' vaadin-grid-cell-content'))
                        .map(cell => cell.textContent.trim());""";
    /** The rendered body rows of a grid, each as its cells' texts (cells live in light DOM, slotted into rows). */
    private static final String GRID_ROWS = """
            const grid = document.getElementById(arguments[0]);
            return Array.from(grid.shadowRoot.querySelectorAll('tbody#items tr'))
                .filter(tr => !tr.hidden && tr.style.display !== 'none' && !tr.hasAttribute('loading'))
                .map(tr => Array.from(tr.querySelectorAll('td')).map(td => {
                    const slot = td.querySelector('slot');
                    const content = slot && slot.assignedElements()[0];
                    return content ? content.textContent.trim() : '';
                }))
                .filter(cells => cells.some(text => text !== ''));""";
    private static final String CLICK_RADIO = """
            const radio = Array.from(document.querySelectorAll('#' + arguments[0] + ' vaadin-radio-button'))
                .find(r => r.textContent.trim() === arguments[1]);
            if (!radio) { return false; }
            radio.querySelector('input').click();
            return true;""";
    private static final By OPEN_CONFIRM_BUTTON =
            By.cssSelector("vaadin-confirm-dialog-overlay[opened] vaadin-button[slot='confirm-button']");

    protected final WebDriver driver;
    protected final String baseUrl;
    protected final WebDriverWait wait;

    public VaadinPage(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, TIMEOUT);
    }

    public void open(String path, String readyElementId) {
        driver.get(baseUrl + path);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(readyElementId)));
        waitForVaadin();
    }

    public void waitForVaadin() {
        awaitIdle(wait);
    }

    /** Waits until no Vaadin client on the page has a server round trip in flight: for page objects of any shape. */
    public static void awaitIdle(WebDriverWait wait) {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(VAADIN_IDLE)));
    }

    /** Every cell text of the grid with this id (light-DOM cell contents, in document order). */
    @SuppressWarnings("unchecked")
    public static List<String> gridCellTexts(WebDriver driver, String gridId) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(GRID_CELL_TEXTS, gridId);
    }

    public void type(String fieldId, String text) {
        WebElement input = driver.findElement(By.cssSelector("#" + fieldId + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    public void chooseRadio(String groupId, String label) {
        wait.until(d -> Boolean.TRUE.equals(js(CLICK_RADIO, groupId, label)));
        waitForVaadin();
    }

    /** Types into a combo box and picks the item whose label starts with {@code label}. */
    public void chooseInComboBox(String comboId, String label) {
        type(comboId, label);
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(e -> e.getText().trim().startsWith(label)).findFirst().orElse(null));
        item.click();
        waitForVaadin();
    }

    public void click(By button) {
        wait.until(ExpectedConditions.elementToBeClickable(button)).click();
        waitForVaadin();
    }

    /**
     * Clicks a button by script once it is in the page: buttons in a wide grid's action column may sit outside the
     * visible part of the grid, where a pointer click would land on something else.
     */
    public void clickByScript(By button) {
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(button));
        js("arguments[0].click();", element);
        waitForVaadin();
    }

    public void confirm() {
        WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(OPEN_CONFIRM_BUTTON));
        // the button sits in the dialog's overlay; a script click avoids "element not interactable" races
        js("arguments[0].click();", confirm);
        waitForVaadin();
    }

    @SuppressWarnings("unchecked")
    public List<List<String>> gridRows(String gridId) {
        return (List<List<String>>) js(GRID_ROWS, gridId);
    }

    public String textContent(String elementId) {
        return (String) js("const e = document.getElementById(arguments[0]); return e ? e.textContent : null;", elementId);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
