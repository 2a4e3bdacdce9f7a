package dev.marketplace.billing.refunds;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.LedgerWriter;
import dev.marketplace.billing.ledger.Posting;
import dev.marketplace.billing.payments.CreditedPayment;
import dev.marketplace.billing.payments.StripePayments;
import dev.marketplace.billing.payments.UsdCents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reverses refunds on the caller's connection and transaction. Stripe's {@code amount_refunded} is cumulative:
 * the highest value seen per charge is kept, and what was already reversed is read back from the ledger (the
 * refund journals of the charge: their postings to {@code platform:stripe:clearing}) under the payment's lock, so
 * each journal moves only the difference. Its key, {@code stripe:refund:<charge>:<micros reversed in total after
 * it>}, is unique per charge and amount. A refund takes back the developer's credit first, then the purchase fee
 * the payment included ({@code platform:revenue:purchase-fee}); never more than both.
 */
public final class ChargeRefunds {

    public static final String KIND = "refund";
    static final String KEY_PREFIX = "stripe:refund:";

    private static final String REMEMBER = """
            INSERT INTO stripe_charge_refund (charge_id, payment_intent_id, refunded_cents) VALUES (?, ?, ?)
            ON CONFLICT (charge_id) DO UPDATE
               SET refunded_cents = GREATEST(stripe_charge_refund.refunded_cents, EXCLUDED.refunded_cents),
                   updated_at = now()""";
    private static final String CHARGES_OF_PAYMENT = """
            SELECT r.charge_id, r.refunded_cents,
                   COALESCE((SELECT sum(p.amount_micros) FROM ledger_posting p
                               JOIN ledger_journal j ON j.id = p.journal_id
                              WHERE j.kind = 'refund' AND j.external_ref = r.charge_id AND p.account_code = ?), 0)
              FROM stripe_charge_refund r
             WHERE r.payment_intent_id = ?
             ORDER BY r.charge_id""";

    private final StripePayments payments = new StripePayments();
    private final LedgerWriter writer = new LedgerWriter();

    private record ChargeState(String chargeId, long refundedMicros, long reversedMicros) {
    }

    /**
     * Remembers Stripe's cumulative refunded amount of a charge and reverses what is new, if the payment was
     * credited; otherwise the refund waits for {@link #applyRefunds}.
     */
    public RefundOutcome record(Connection connection, String chargeId, String paymentIntentId,
                                long amountRefundedCents) throws SQLException {
        if (amountRefundedCents < 0) {
            throw new IllegalArgumentException("amount_refunded is negative: " + amountRefundedCents);
        }
        payments.lock(connection, paymentIntentId);
        try (PreparedStatement statement = connection.prepareStatement(REMEMBER)) {
            statement.setString(1, chargeId);
            statement.setString(2, paymentIntentId);
            statement.setLong(3, amountRefundedCents);
            statement.executeUpdate();
        }
        return applyRefunds(connection, paymentIntentId);
    }

    /**
     * Reverses whatever is refunded and not yet reversed on the payment's charges. The caller holds the
     * payment's lock ({@link StripePayments#lock}); called again when the payment's credit posts.
     */
    public RefundOutcome applyRefunds(Connection connection, String paymentIntentId) throws SQLException {
        Optional<CreditedPayment> credited = payments.find(connection, paymentIntentId);
        if (credited.isEmpty()) {
            return new RefundOutcome(RefundOutcome.Kind.PARKED, 0,
                    "payment " + paymentIntentId + " not credited yet: refund applied when it is");
        }
        CreditedPayment payment = credited.get();
        String account = AccountCodes.developerCredit(payment.developerId());
        List<ChargeState> charges = charges(connection, paymentIntentId);
        long limitMicros = Math.addExact(payment.creditedMicros(), payment.feeMicros());
        long reversedMicros = charges.stream().mapToLong(ChargeState::reversedMicros).sum();
        long reversedNowMicros = 0;
        for (ChargeState charge : charges) {
            long newMicros = Math.min(charge.refundedMicros() - charge.reversedMicros(), limitMicros - reversedMicros);
            if (newMicros > 0) {
                long fromCreditMicros = Math.max(0, Math.min(newMicros, payment.creditedMicros() - reversedMicros));
                writer.post(connection, journal(charge, account, fromCreditMicros, newMicros, paymentIntentId));
                reversedMicros += newMicros;
                reversedNowMicros += newMicros;
            }
        }
        return reversedNowMicros == 0
                ? new RefundOutcome(RefundOutcome.Kind.NOTHING_NEW, 0, "refunds of " + paymentIntentId
                        + " already reversed (" + reversedMicros + " micros)")
                : new RefundOutcome(RefundOutcome.Kind.REVERSED, reversedNowMicros, reversedNowMicros
                        + " micros refunded from " + account + " (and its purchase fee), " + reversedMicros
                        + " in total");
    }

    private static List<ChargeState> charges(Connection connection, String paymentIntentId) throws SQLException {
        List<ChargeState> charges = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CHARGES_OF_PAYMENT)) {
            statement.setString(1, AccountCodes.STRIPE_CLEARING);
            statement.setString(2, paymentIntentId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    charges.add(new ChargeState(rows.getString(1), UsdCents.toMicros(rows.getLong(2)),
                            rows.getLong(3)));
                }
            }
        }
        return charges;
    }

    /** Clearing +new (the cash goes back), the developer's credit −fromCredit, the fee revenue −the rest. */
    private static JournalEntry journal(ChargeState charge, String account, long fromCreditMicros, long newMicros,
                                        String paymentIntentId) {
        long totalMicros = charge.reversedMicros() + newMicros;
        List<Posting> postings = new ArrayList<>();
        if (fromCreditMicros > 0) {
            postings.add(new Posting(account, -fromCreditMicros));
        }
        if (newMicros > fromCreditMicros) {
            postings.add(new Posting(AccountCodes.REVENUE_PURCHASE_FEE, -(newMicros - fromCreditMicros)));
        }
        postings.add(new Posting(AccountCodes.STRIPE_CLEARING, newMicros));
        return new JournalEntry(KEY_PREFIX + charge.chargeId() + ":" + totalMicros, KIND,
                "Stripe refund of charge " + charge.chargeId() + " (payment " + paymentIntentId + "): "
                        + newMicros + " micros, " + totalMicros + " in total", charge.chargeId(), postings);
    }
}
