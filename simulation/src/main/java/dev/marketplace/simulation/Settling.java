package dev.marketplace.simulation;

import dev.marketplace.billing.payouts.Payout;
import dev.marketplace.billing.payouts.Payouts;
import dev.marketplace.billing.settlements.Frequency;
import dev.marketplace.billing.settlements.Settlements;
import dev.marketplace.billing.settlements.SettlementPolicy;
import dev.marketplace.billing.settlements.Statement;
import dev.marketplace.billing.settlements.StatementStatus;
import dev.marketplace.finance.infrastructure.ProviderPayees;
import dev.marketplace.finance.infrastructure.UsageRecordAttribution;
import dev.marketplace.onboarding.audit.AuditLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The month's settlement and payouts through finance's own services: every provider gets a Connect account with
 * transfers active (as onboarding would leave it), the day's statements are made per provider, prepared by one
 * finance user and approved by another, and every statement with something to pay is paid by a Stripe Transfer to the
 * stub; then one transfer is reversed on the stub and its {@code transfer.reversed} webhook books the reversal. The
 * minimum payout is $1 here (not the $25 default) so that a scaled-down month pays out too.
 * Settlement sees the clock 25 hours ahead (as the test stack does) so that the run's day counts as a closed period.
 */
final class Settling {
    static final Duration CLOCK_AHEAD = Duration.ofHours(25);
    /** $1: a scaled-down month earns each provider a few dollars, below the $25 default that would carry it all over. */
    static final long MINIMUM_PAYOUT_MICROS = 1_000_000;
    private final World world;
    private final Settlements settlements;
    private final Payouts payouts;
    private final ProviderPayees payees;
    private final List<Statement> statements = new ArrayList<>();
    private final List<Payout> paid = new ArrayList<>();

    Settling(World world) {
        this.world = world;
        this.settlements = new Settlements(world.data(), new SettlementPolicy(Frequency.DAILY,
                MINIMUM_PAYOUT_MICROS, SettlementPolicy.DEFAULT_GRACE),
                Clock.offset(Clock.systemUTC(), CLOCK_AHEAD));
        this.payouts = world.payouts;
        this.payees = new ProviderPayees(world.data());
    }

    /** Connected accounts with transfers active for the providers that are paid (not the platform-operated one). */
    String connectAccounts() throws SQLException {
        try (Connection c = world.data().getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into provider_payout_account (provider_id, stripe_account_id, details_submitted, charges_enabled,
                                                     payouts_enabled, transfers_capability)
                select id, 'acct_sim' || id, true, true, true, 'active' from provider where not platform_operated""")) {
            return s.executeUpdate() + " connected accounts";
        }
    }

    /** Statements of every closed period of every provider. */
    String settle() {
        statements.addAll(settlements.runDue(payees.all(), new UsageRecordAttribution(world.data()), "finance",
                (done, total, payee, made) -> { }));
        long net = statements.stream().mapToLong(Statement::netMicros).sum();
        return statements.size() + " statements, net " + SimulateMonth.usd(net);
    }

    /** Prepared by finance, approved by finance2, paid by transfer when there is something to pay. */
    String approveAndPay() {
        for (Statement s : statements) {
            if (s.status() == StatementStatus.PLATFORM) {
                continue; // settled into platform revenue, never paid
            }
            settlements.prepare(s.id(), "finance", AuditLog::append);
            Statement approved = settlements.approve(s.id(), "finance2", AuditLog::append);
            if (approved.payoutMicros() > 0) {
                String account = payees.payoutAccount(s.providerId()).orElseThrow();
                paid.add(payouts.pay(s.id(), account, "finance2", AuditLog::append));
            }
        }
        return paid.size() + " transfers, " + SimulateMonth.usd(paid.stream().mapToLong(Payout::amountCents).sum()
                * 10_000) + " paid";
    }

    /** Reverses half of the first transfer on the stub; the webhook books it back into the provider's payable. */
    String reverseOne() {
        if (paid.isEmpty()) {
            throw new IllegalStateException("no transfer was made, so none can be reversed: " + statements.size()
                    + " statements, payouts " + statements.stream().map(st -> st.providerId() + ":" + st.payoutMicros()
                    + ":" + st.status()).toList());
        }
        Payout first = paid.get(0);
        world.stubControl.reverseTransfer(first.transferId(), first.amountCents() / 2);
        return "reversed " + first.amountCents() / 2 + " cents of " + first.transferId();
    }
}
