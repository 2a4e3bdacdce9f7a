package dev.marketplace.billing.topup;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A developer's auto top-up as the portal shows it.
 *
 * @param settings        empty if the developer never set it up
 * @param state           armed, charging or charged (see the auto_top_up table)
 * @param savedCard       the saved payment method's id, if a card was saved for off-session charges
 * @param lastFailure     why the last charge failed (auto top-up is off since), if it did
 */
public record AutoTopUpStatus(Optional<AutoTopUpSettings> settings, String state, Optional<String> savedCard,
                              Optional<String> lastPaymentIntentId, Optional<String> lastFailure,
                              Optional<OffsetDateTime> lastFailureAt) {
}
