package dev.marketplace.payments.application;

import dev.marketplace.billing.topup.AutoTopUpStatus;
import java.util.OptionalLong;

/**
 * A developer's payment settings and where they stand, as the portal shows them.
 *
 * @param alertThresholdMicros the low-balance alert's threshold, empty if none is set
 * @param belowAlert           the available credit is below that threshold now
 */
public record PaymentSettingsView(AutoTopUpStatus autoTopUp, OptionalLong alertThresholdMicros,
                                  long availableMicros, boolean belowAlert) {
}
