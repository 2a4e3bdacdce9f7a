package dev.marketplace.billing.crediting;

import dev.marketplace.billing.disputes.DisputeOutcome;
import dev.marketplace.billing.disputes.Disputes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.LedgerWriter;
import dev.marketplace.billing.payments.CreditedPayment;
import dev.marketplace.billing.payments.StripePayments;
import dev.marketplace.billing.refunds.ChargeRefunds;
import dev.marketplace.billing.refunds.RefundOutcome;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Posts a payment's credit journal and, in the same transaction and under the payment's lock, records whose
 * payment it is and applies the refunds and disputes that were waiting for it.
 */
public final class PaymentCrediting {

    private final StripePayments payments = new StripePayments();
    private final LedgerWriter writer = new LedgerWriter();
    private final ChargeRefunds refunds = new ChargeRefunds();
    private final Disputes disputes = new Disputes();

    /**
     * What crediting did.
     *
     * @param posted   the credit journal was written now (false: its key was posted before)
     * @param followUp what the waiting refunds and disputes did, empty if there were none
     */
    public record Credited(boolean posted, String followUp) {
    }

    /** @param journal the credit journal; its key decides whether this payment was credited before */
    public Credited credit(Connection connection, CreditedPayment payment, JournalEntry journal) throws SQLException {
        payments.lock(connection, payment.paymentIntentId());
        boolean posted = writer.post(connection, journal);
        payments.record(connection, payment);
        RefundOutcome refund = refunds.applyRefunds(connection, payment.paymentIntentId());
        DisputeOutcome dispute = disputes.applyDisputes(connection, payment.paymentIntentId());
        StringBuilder followUp = new StringBuilder();
        if (refund.kind() == RefundOutcome.Kind.REVERSED) {
            followUp.append("; waiting refund: ").append(refund.note());
        }
        if (dispute.kind() == DisputeOutcome.Kind.POSTED) {
            followUp.append("; waiting dispute: ").append(dispute.note());
        }
        return new Credited(posted, followUp.toString());
    }
}
