package dev.marketplace.ui.credits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.checkout.PurchaseFee;
import dev.marketplace.billing.checkout.PurchaseQuote;
import org.junit.jupiter.api.Test;

class PurchaseFormTest {

    @Test
    void aValidAmountShowsWhatTheCardIsChargedBeforePaying() {
        PurchaseForm.Reading reading = PurchaseForm.read("10", new PurchaseFee(290, 30));
        assertTrue(reading.valid());
        assertNull(reading.error());
        assertEquals(new PurchaseQuote(1_000, 59, 1_059), reading.quote());
        assertEquals("You pay $10.59: $10.00 of credit + $0.59 purchase fee.", PurchaseForm.describe(reading.quote()));
        assertEquals("You pay $10.00 for $10.00 of credit.",
                PurchaseForm.describe(PurchaseForm.read("10.00", PurchaseFee.NONE).quote()));
    }

    @Test
    void anAmountOutsideTheLimitsSaysWhy() {
        PurchaseForm.Reading low = PurchaseForm.read("4.99", PurchaseFee.NONE);
        assertFalse(low.valid());
        assertEquals("The minimum purchase is $5.00.", low.error());
        assertEquals("The maximum purchase is $10,000.00.", PurchaseForm.read("10000.01", PurchaseFee.NONE).error());
        assertEquals("Enter whole cents: at most two decimals.", PurchaseForm.read("5.001", PurchaseFee.NONE).error());
    }

    @Test
    void theLimitsAndTheFeeAreStatedUpFront() {
        assertEquals("From $5.00 to $10,000.00. No purchase fee.", PurchaseForm.limits(PurchaseFee.NONE));
        assertEquals("From $5.00 to $10,000.00. Purchase fee: 2.9% + $0.30.",
                PurchaseForm.limits(new PurchaseFee(290, 30)));
        assertEquals("From $5.00 to $10,000.00. Purchase fee: 3%.", PurchaseForm.limits(new PurchaseFee(300, 0)));
    }
}
