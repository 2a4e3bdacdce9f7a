package dev.marketplace.systemtests.providers;

import dev.marketplace.systemtests.browser.VaadinPage;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Payout account page and the Stripe stub's hosted onboarding page, as a test drives them (stable ids). */
final class PayoutAccountPage {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final WebDriverWait wait;

    PayoutAccountPage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, TIMEOUT);
    }

    String summary() {
        waitForVaadin();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("payout-summary"))).getText();
    }

    /** Clicks the onboarding button and waits for the stub's onboarding page. */
    PayoutAccountPage toStripe() {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("payout-onboard"))).click();
        return onStubOnboarding();
    }

    /** Waits until the browser shows the stub's hosted onboarding page. */
    PayoutAccountPage onStubOnboarding() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("connect-submit")));
        return this;
    }

    String stubAccountId() {
        return driver.findElement(By.id("connect-account")).getText();
    }

    /** "Submit details" on the stub's page, which sends the browser back to the portal's return page. */
    PayoutAccountPage submitDetails() {
        driver.findElement(By.id("connect-submit")).click();
        wait.until(ExpectedConditions.urlContains("/provider/payouts/return"));
        return this;
    }

    String fact(String id) {
        waitForVaadin();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    private void waitForVaadin() {
        VaadinPage.awaitIdle(wait);
    }
}
