package dev.marketplace.systemtests.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The portal's activity page ({@code /activity}) as a test drives it. */
final class ActivityPage extends VaadinPage {
    static final String GRID = "generations-grid";
    /** Columns of the generations grid, in order. */
    static final int MODEL = 1;
    static final int KEY = 3;
    static final int COST = 6;
    static final int METADATA = 10;

    ActivityPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    ActivityPage open() {
        open("/activity", "activity-charts");
        return this;
    }

    ActivityPage breakDownBy(String label) {
        chooseRadio("activity-breakdown", label);
        return this;
    }

    ActivityPage filterByKey(String keyName) {
        chooseInComboBox("filter-key", keyName);
        return this;
    }

    ActivityPage filterByStatus(String status) {
        chooseInComboBox("filter-status", status);
        return this;
    }

    /** The bars of a chart ({@code chart-spend}, {@code chart-tokens}, {@code chart-requests}). */
    int bars(String chartId) {
        return driver.findElements(By.cssSelector("#" + chartId + " svg rect")).size();
    }

    /** The series names of a chart's legend. */
    List<String> legend(String chartId) {
        return driver.findElements(By.cssSelector("#" + chartId + " .portal-legend li")).stream()
                .map(li -> li.getText().trim()).toList();
    }

    List<List<String>> rows() {
        return gridRows(GRID);
    }

    String exportHref() {
        return driver.findElement(By.id("export-csv")).getDomAttribute("href");
    }

    String balanceBanner() {
        return driver.findElement(By.id("balance-banner-text")).getText();
    }
}
