package dev.marketplace.onboarding.payouts.application;

import dev.marketplace.billing.connect.ConnectedAccountException;
import dev.marketplace.billing.connect.ConnectedAccountStatus;
import dev.marketplace.billing.connect.ConnectedAccounts;
import dev.marketplace.billing.connect.OnboardingLink;
import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.payouts.domain.PayoutAccount;
import dev.marketplace.onboarding.payouts.infrastructure.PayoutAccountStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A provider member's payout account in the portal. The provider is always the one the signed-in user acts for.
 * Onboarding creates the Connect Express account once per provider (idempotency key {@code connect-account:<id>},
 * so a retry or a concurrent click yields the same account) and then a fresh Account Link every time, since links
 * are single-use and short-lived. Returning from Stripe re-reads the account, so the page does not wait for the
 * webhook.
 */
@ApplicationScoped
public class PayoutOnboarding {

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;
    @Inject
    private ConnectedAccounts connected;
    private Clock clock = Clock.systemUTC();

    private final PayoutAccountStore store = new PayoutAccountStore();
    private final AccountUpdates updates = new AccountUpdates();

    public PayoutOnboarding() {
        // for CDI
    }

    public PayoutOnboarding(DataSource dataSource, ConnectedAccounts connected, Clock clock) {
        this.dataSource = dataSource;
        this.connected = connected;
        this.clock = clock;
    }

    /** The provider this user acts for, if any. */
    public Optional<Long> providerOf(String username) {
        return Transactions.withConnection(dataSource, "provider of " + username, c -> store.providerOf(c, username));
    }

    /** The payout account as kept (from events and reads), or empty before the first onboarding. */
    public Optional<PayoutAccount> account(String username) {
        long providerId = requireProvider(username);
        return Transactions.withConnection(dataSource, "payout account of provider " + providerId,
                c -> store.find(c, providerId));
    }

    /** A fresh onboarding link for the user's provider, creating its Connect account first if it has none. */
    public OnboardingLink startOnboarding(String username, String refreshUrl, String returnUrl) {
        long providerId = requireProvider(username);
        String accountId = account(username).map(a -> a.status().accountId())
                .orElseGet(() -> createAccount(providerId));
        try {
            return connected.createOnboardingLink(accountId, refreshUrl, returnUrl);
        } catch (ConnectedAccountException e) {
            throw new PayoutAccountException("Stripe did not give an onboarding link right now; try again in a minute.", e);
        }
    }

    /** Reads the account from Stripe and keeps that state (as of now), with the notices a change deserves. */
    public Optional<PayoutAccount> refreshFromStripe(String username) {
        Optional<PayoutAccount> kept = account(username);
        if (kept.isEmpty()) {
            return kept;
        }
        ConnectedAccountStatus status;
        try {
            status = connected.retrieve(kept.get().status().accountId());
        } catch (ConnectedAccountException e) {
            throw new PayoutAccountException("Stripe did not answer right now; the status shown may be behind.", e);
        }
        Transactions.inTransaction(dataSource, "refreshing payout account " + status.accountId(),
                c -> updates.apply(c, status, readAt()));
        return account(username);
    }

    private String createAccount(long providerId) {
        PayoutAccountStore.Applicant applicant = Transactions.withConnection(dataSource, "applicant of " + providerId,
                c -> store.applicant(c, providerId));
        String accountId;
        try {
            accountId = connected.createExpressAccount(applicant.country(), applicant.email(),
                    Map.of("provider_id", Long.toString(providerId)), idempotencyKey(providerId));
        } catch (ConnectedAccountException e) {
            throw new PayoutAccountException("Stripe did not create your payout account right now; try again in a minute.", e);
        }
        boolean inserted = Transactions.inTransaction(dataSource, "recording payout account " + accountId,
                c -> store.insert(c, providerId, accountId));
        if (inserted) {
            return accountId;
        }
        return Transactions.withConnection(dataSource, "payout account of provider " + providerId,
                c -> store.find(c, providerId)).orElseThrow().status().accountId();
    }

    /**
     * The read's time at Stripe's resolution (whole seconds, as event {@code created}): an event created in the same
     * second is applied over it, since it may describe a change made just after the read.
     */
    private Instant readAt() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    static String idempotencyKey(long providerId) {
        return "connect-account:" + providerId;
    }

    private long requireProvider(String username) {
        return providerOf(username).orElseThrow(() -> new PayoutAccountException(
                "Your account does not act for a provider yet: apply at /provider/apply."));
    }
}
