package dev.marketplace.simulation;

import dev.marketplace.billing.checkout.ConfirmedCheckout;
import dev.marketplace.billing.checkout.StartedCheckout;
import dev.marketplace.billing.jdbc.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The month's payments through the real services: each purchase is started by {@code StartCheckout} (a customer and
 * a Checkout Session at the stub), paid at the stub (which computes its own fee) and credited by the success redirect
 * ({@code ConfirmCheckout}) while the signed webhooks arrive too; refunds and a dispute are made at the stub and
 * reach the ledger only through their webhooks.
 */
final class Payments {

    static final Duration WEBHOOK_WAIT = Duration.ofSeconds(60);
    private static final String SUCCESS = "http://localhost/credits/success?session_id={CHECKOUT_SESSION_ID}";
    private static final String CANCEL = "http://localhost/credits";

    /** A credited purchase: whose, which session and charge, how much. */
    record Paid(Catalog.Developer developer, String sessionId, String chargeId, long cents) {
    }

    private final World world;
    static final int PARALLEL_PAYERS = 8;

    private final List<Paid> paid = java.util.Collections.synchronizedList(new ArrayList<>());

    Payments(World world) {
        this.world = world;
    }

    List<Paid> paid() {
        return paid;
    }

    /** Every developer buys $10–$50 of credit, {@value #PARALLEL_PAYERS} payers at a time. */
    String buyCredit(List<Catalog.Developer> developers, Random random) throws Exception {
        List<Long> amounts = developers.stream().map(d -> 1_000 + 500L * random.nextInt(9)).toList();
        java.util.concurrent.ExecutorService payers = java.util.concurrent.Executors.newFixedThreadPool(
                PARALLEL_PAYERS);
        long cents = 0;
        try {
            List<java.util.concurrent.Future<Paid>> done = new ArrayList<>();
            for (int i = 0; i < developers.size(); i++) {
                Catalog.Developer developer = developers.get(i);
                long amount = amounts.get(i);
                done.add(payers.submit(() -> purchase(developer, amount)));
            }
            for (java.util.concurrent.Future<Paid> p : done) {
                cents += p.get().cents();
            }
        } finally {
            payers.shutdown();
        }
        return developers.size() + " purchases, $" + cents / 100 + " (Checkout at the stub, credited by redirect and"
                + " webhook)";
    }

    Paid purchase(Catalog.Developer developer, long cents) {
        String session = start(developer, cents);
        String charge = world.stubControl.pay(session).chargeId();
        ConfirmedCheckout confirmed = world.confirmCheckout.confirm(developer.id(), session);
        Paid p = new Paid(developer, session, charge, cents);
        paid.add(p);
        String outcome = confirmed.outcome().columnValue();
        if (!"credited".equals(outcome) && !"already_credited".equals(outcome)) {
            throw new IllegalStateException("purchase " + session + " was not credited: " + confirmed.note());
        }
        return p;
    }

    /** Starts a Checkout Session the way the portal's Buy credit button does. */
    String start(Catalog.Developer developer, long cents) {
        StartedCheckout started = world.startCheckout.start(developer.id(), developer.email(), cents, SUCCESS, CANCEL);
        return started.sessionId();
    }

    /** Partial refunds of a few purchases, made at Stripe; the ledger hears of them through charge.refunded. */
    String refund(int count) {
        // purchases 2 and 3 are left alone: one is disputed, the other's fee is the injected wrong one
        List<Paid> candidates = new ArrayList<>(paid);
        candidates.remove(3);
        candidates.remove(2);
        for (int i = 0; i < count; i++) {
            Paid p = candidates.get((1 + i * 3) % candidates.size());
            world.stubControl.refund(p.chargeId(), p.cents() / 4);
        }
        await("refund journals", "SELECT count(*) FROM ledger_journal WHERE kind = 'refund'", count);
        return count + " partial refunds (a quarter of each charge)";
    }

    /** A dispute of one purchase, lost: a hold when opened, then the cash and Stripe's dispute fee leave. */
    String disputeLost() {
        Paid p = paid.get(2);
        String dispute = world.stubControl.dispute(p.chargeId());
        world.stubControl.closeDispute(dispute, "lost");
        await("the lost dispute's journal", "SELECT count(*) FROM ledger_journal WHERE kind = 'dispute_lost'", 1);
        return "dispute " + dispute + " of charge " + p.chargeId() + " opened and lost";
    }

    private void await(String what, String countSql, long expected) {
        long deadline = System.nanoTime() + WEBHOOK_WAIT.toNanos();
        while (true) {
            long n = Transactions.withConnection(world.data(), "counting " + what, c -> {
                try (PreparedStatement s = c.prepareStatement(countSql); ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            });
            if (n >= expected) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("webhooks did not bring " + what + " within " + WEBHOOK_WAIT
                        + " (" + n + " of " + expected + ")");
            }
            Pause.millis(100);
        }
    }
}
