package dev.marketplace.finance.infrastructure;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.settlements.SettlementPayee;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The providers settlement runs over, and where a provider is paid (its Connect account, shared table). */
@ApplicationScoped
public class ProviderPayees {

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    public ProviderPayees() {
        // for CDI
    }

    public ProviderPayees(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every provider, by id (suspended ones too: what they earned is still owed). */
    public List<SettlementPayee> all() {
        return Transactions.withConnection(dataSource, "listing providers to settle", c -> {
            List<SettlementPayee> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, name, platform_operated FROM provider ORDER BY id");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new SettlementPayee(r.getLong(1), r.getString(2), r.getBoolean(3)));
                }
            }
            return out;
        });
    }

    public Optional<SettlementPayee> find(long providerId) {
        return all().stream().filter(p -> p.providerId() == providerId).findFirst();
    }

    /**
     * The provider's connected account id ({@code acct_…}) when Stripe reports its transfers capability active;
     * empty otherwise (no account yet, onboarding unfinished, or restricted): then it cannot be paid.
     */
    public Optional<String> payoutAccount(long providerId) {
        return account(providerId, " AND transfers_capability = 'active'");
    }

    /** The provider's connected account id whatever its state (to show its bank payouts). */
    public Optional<String> connectedAccount(long providerId) {
        return account(providerId, "");
    }

    private Optional<String> account(long providerId, String condition) {
        return Transactions.withConnection(dataSource, "reading payout account of " + providerId, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT stripe_account_id FROM provider_payout_account WHERE provider_id = ?" + condition)) {
                s.setLong(1, providerId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
