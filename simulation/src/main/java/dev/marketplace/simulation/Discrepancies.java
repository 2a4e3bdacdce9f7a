package dev.marketplace.simulation;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.LedgerWriter;
import dev.marketplace.billing.ledger.Posting;
import dev.marketplace.billing.reconciliation.Component;
import dev.marketplace.billing.reconciliation.Difference;
import dev.marketplace.billing.reconciliation.DifferenceClass;
import dev.marketplace.billing.reconciliation.Reconciliation;
import dev.marketplace.billing.reconciliation.StripeFees;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The five discrepancies, injected apart from the month's generator, each the way it happens for real: a webhook
 * lost (a charge with no credit), a credit posted without a payment, a fee booked with another amount than Stripe
 * took, a payment made before the period ends and credited after it, and a usage record whose journal never came.
 * Each knows how finance resolves it once reconciliation found it.
 */
final class Discrepancies {

    /** What reconciliation must find, and how finance resolves it. */
    record Injected(String name, DifferenceClass differenceClass, Component component, String joinKey,
                    String counterAccount, String reason) {

        boolean matches(Difference d) {
            return d.differenceClass() == differenceClass && d.component() == component && d.joinKey().equals(joinKey);
        }
    }

    private final World world;
    private final Catalog catalog;
    private final Payments payments;
    private final List<Injected> injected = new ArrayList<>();
    private String lateSession;
    private Catalog.Developer lateDeveloper;

    Discrepancies(World world, Catalog catalog, Payments payments) {
        this.world = world;
        this.catalog = catalog;
        this.payments = payments;
    }

    List<Injected> injected() {
        return List.copyOf(injected);
    }

    /** Injects all five; the boundary one is paid now and credited by {@link #afterBoundary}. */
    void beforeBoundary() {
        chargeWithNoCredit(catalog.developers.get(0));
        creditWithNoCharge(catalog.developers.get(1));
        feeThatDiffers(payments.paid().get(3));
        chargeAcrossTheBoundary(catalog.developers.get(2));
        usageWithoutJournal(catalog.developers.get(3), catalog.listings.get(0));
    }

    /** The developer of the boundary payment returns to the success page after the period ended. */
    void afterBoundary() {
        world.confirmCheckout.confirm(lateDeveloper.id(), lateSession);
    }

    /** Resolves one found difference as finance would: a correcting journal, or timing. */
    void resolve(Reconciliation reconciliation, Difference d, Injected i) {
        if (i.differenceClass() == DifferenceClass.TIMING) {
            reconciliation.markTiming(d.id(), i.reason(), "simulate-month");
        } else {
            reconciliation.correct(d.id(), i.counterAccount(), i.reason(), "simulate-month");
        }
    }

    static Optional<Injected> which(List<Injected> all, Difference d) {
        return all.stream().filter(i -> i.matches(d)).findFirst();
    }

    private void chargeWithNoCredit(Catalog.Developer developer) {
        String session = payments.start(developer, 1_234);
        world.webhooks.loseEventsMentioning(session);
        StubControl.Payment payment = world.stubControl.pay(session); // and the payer never comes back
        injected.add(new Injected("a charge with no credit (webhook lost)", DifferenceClass.MISSING_IN_LEDGER,
                Component.CHARGE, payment.paymentIntentId(), developer.creditAccount(),
                "webhook lost: credit the payer"));
    }

    private void creditWithNoCharge(Catalog.Developer developer) {
        String session = "cs_injected_without_payment";
        long micros = 7_000_000;
        Transactions.inTransaction(world.data(), "posting a credit without a charge", c -> new LedgerWriter().post(c,
                new JournalEntry("stripe:checkout:" + session, "purchase", "credit posted without a payment",
                        session, List.of(new Posting(developer.creditAccount(), micros),
                                new Posting(AccountCodes.STRIPE_CLEARING, -micros)))));
        injected.add(new Injected("a credit with no charge", DifferenceClass.MISSING_AT_STRIPE, Component.CHARGE,
                session, developer.creditAccount(), "no payment behind this credit: take it back"));
    }

    private void feeThatDiffers(Payments.Paid purchase) {
        Transactions.inTransaction(world.data(), "booking a wrong fee", c -> new StripeFees().book(c,
                purchase.chargeId(), "txn_from_a_wrong_report", 10_000, Instant.now()));
        injected.add(new Injected("a fee that differs (booked as 1 cent)", DifferenceClass.AMOUNT_DIFFERS,
                Component.FEE, purchase.chargeId(), null, "fee booked from a wrong report: book Stripe's"));
    }

    private void chargeAcrossTheBoundary(Catalog.Developer developer) {
        lateSession = payments.start(developer, 2_500);
        lateDeveloper = developer;
        world.webhooks.loseEventsMentioning(lateSession);
        StubControl.Payment payment = world.stubControl.pay(lateSession);
        injected.add(new Injected("a charge across the period boundary", DifferenceClass.TIMING, Component.CHARGE,
                payment.paymentIntentId(), null, "paid before the period ended, credited after: next period"));
    }

    private void usageWithoutJournal(Catalog.Developer developer, Catalog.Listing listing) {
        String id = "gen-injected-without-journal";
        Transactions.inTransaction(world.data(), "writing a usage record without its journal", c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into usage_record (id, developer_id, api_key_id, model_slug, provider_slug, listing_id,
                        prompt_tokens, completion_tokens, cost_micros, hold_micros, status)
                    values (?, ?, ?, ?, ?, ?, 100, 100, 4242, 4242, 'ok')""")) {
                s.setString(1, id);
                s.setLong(2, developer.id());
                s.setLong(3, developer.keyId());
                s.setString(4, listing.modelSlug);
                s.setString(5, listing.provider.slug);
                s.setLong(6, listing.id);
                return s.executeUpdate();
            }
        });
        injected.add(new Injected("a usage record without its journal", DifferenceClass.USAGE_WITHOUT_JOURNAL,
                Component.USAGE, id, developer.creditAccount(), "charge lost: charge the developer"));
    }
}
