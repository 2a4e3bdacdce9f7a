package dev.marketplace.systemtests.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * For system tests whose subject is not Connect: a provider created by sign-up gets no traffic until its Connect
 * transfers capability is active (docs/providers.md, "Payout account"). This gives it a payout account row with
 * transfers active, as if onboarding had completed; {@code PayoutAccountIT} covers the real flow.
 */
public final class PayoutAccounts {

    private PayoutAccounts() {
    }

    public static void markTransfersActive(Connection c, long providerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into provider_payout_account (provider_id, stripe_account_id, details_submitted, charges_enabled,
                                                     payouts_enabled, transfers_capability, state_as_of)
                values (?, ?, true, true, true, 'active', now())
                on conflict (provider_id) do update set transfers_capability = 'active', state_as_of = now()""")) {
            s.setLong(1, providerId);
            s.setString(2, "acct_systemtest" + providerId);
            s.executeUpdate();
        }
    }
}
