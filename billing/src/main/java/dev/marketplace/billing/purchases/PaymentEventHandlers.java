package dev.marketplace.billing.purchases;

import dev.marketplace.billing.crediting.PaymentCrediting;
import dev.marketplace.billing.disputes.DisputeOutcome;
import dev.marketplace.billing.disputes.DisputeReport;
import dev.marketplace.billing.disputes.DisputeStatus;
import dev.marketplace.billing.disputes.Disputes;
import dev.marketplace.billing.payouts.TransferReversals;
import dev.marketplace.billing.refunds.ChargeRefunds;
import dev.marketplace.billing.refunds.RefundOutcome;
import dev.marketplace.billing.topup.ChargeResult;
import dev.marketplace.billing.topup.OffSessionCharge;
import dev.marketplace.billing.topup.SavedPaymentMethods;
import dev.marketplace.billing.topup.TopUpEvents;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The effects of payment events other than the Checkout credit itself, on the receiver's connection and
 * transaction: refunds, disputes, auto top-up outcomes, saved cards and reversed payout transfers.
 */
final class PaymentEventHandlers {

    static final String PURPOSE = "purpose";
    static final String DEVELOPER_ID = "developer_id";
    static final String CROSSING = "crossing";
    private static final Pattern POSITIVE_ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,18}");

    private final ChargeRefunds refunds = new ChargeRefunds();
    private final Disputes disputes = new Disputes();
    private final TopUpEvents topUps = new TopUpEvents();
    private final TransferReversals reversals = new TransferReversals();

    ReceivePaymentEvent.Recorded handle(Connection connection, PaymentEvent event) throws SQLException {
        if (event instanceof ChargeRefunded refund) {
            return refund(connection, refund);
        }
        if (event instanceof ChargeDisputed dispute) {
            return dispute(connection, dispute);
        }
        if (event instanceof PaymentIntentUpdate intent) {
            return paymentIntent(connection, intent);
        }
        if (event instanceof SetupIntentSucceeded setup) {
            return cardSaved(connection, setup.metadata(), setup.customerId(), setup.paymentMethodId(),
                    "setup intent " + setup.setupIntentId());
        }
        if (event instanceof TransferReversed reversed) {
            TransferReversals.Outcome outcome = reversals.record(connection, reversed.transferId(),
                    reversed.amountReversedCents());
            return skip(outcome.posted() ? WebhookOutcome.TRANSFER_REVERSED : WebhookOutcome.NOTHING_NEW, outcome.note());
        }
        if (event instanceof CompletedCheckout checkout) {
            throw new IllegalArgumentException("Checkout events are credited by ReceivePaymentEvent: "
                    + checkout.eventId());
        }
        return skip(WebhookOutcome.UNHANDLED, "no handler for " + event.eventType());
    }

    private ReceivePaymentEvent.Recorded refund(Connection connection, ChargeRefunded refund) throws SQLException {
        if (!isUsd(refund.currency())) {
            return skip(WebhookOutcome.IGNORED, "currency " + refund.currency() + " is not usd");
        }
        if (refund.paymentIntentId() == null || refund.paymentIntentId().isBlank()) {
            return skip(WebhookOutcome.IGNORED, "charge " + refund.chargeId() + " has no payment intent");
        }
        RefundOutcome outcome = refunds.record(connection, refund.chargeId(), refund.paymentIntentId(),
                refund.amountRefundedMinor());
        return new ReceivePaymentEvent.Recorded(switch (outcome.kind()) {
            case REVERSED -> WebhookOutcome.REFUNDED;
            case NOTHING_NEW -> WebhookOutcome.NOTHING_NEW;
            case PARKED -> WebhookOutcome.PARKED;
        }, outcome.note());
    }

    private ReceivePaymentEvent.Recorded dispute(Connection connection, ChargeDisputed dispute) throws SQLException {
        if (!isUsd(dispute.currency())) {
            return skip(WebhookOutcome.IGNORED, "currency " + dispute.currency() + " is not usd");
        }
        if (dispute.paymentIntentId() == null || dispute.paymentIntentId().isBlank() || dispute.amountMinor() <= 0) {
            return skip(WebhookOutcome.IGNORED, "dispute " + dispute.disputeId() + " names no payment intent or"
                    + " has amount " + dispute.amountMinor());
        }
        DisputeStatus status = ChargeDisputed.CREATED.equals(dispute.eventType()) ? DisputeStatus.OPEN
                : "lost".equals(dispute.status()) ? DisputeStatus.LOST : DisputeStatus.WON;
        DisputeOutcome outcome = disputes.record(connection, new DisputeReport(dispute.disputeId(),
                dispute.chargeId(), dispute.paymentIntentId(), dispute.amountMinor(),
                Math.max(0, dispute.feeMinor()), status));
        return new ReceivePaymentEvent.Recorded(switch (outcome.kind()) {
            case POSTED -> WebhookOutcome.DISPUTE_BOOKED;
            case NOTHING_NEW -> WebhookOutcome.NOTHING_NEW;
            case PARKED -> WebhookOutcome.PARKED;
        }, outcome.note());
    }

    private ReceivePaymentEvent.Recorded paymentIntent(Connection connection, PaymentIntentUpdate intent)
            throws SQLException {
        Map<String, String> metadata = intent.metadata();
        boolean topUp = OffSessionCharge.PURPOSE.equals(metadata.get(PURPOSE));
        String developer = metadata.get(DEVELOPER_ID);
        if (!topUp) {
            boolean savedForLater = PaymentIntentUpdate.SUCCEEDED.equals(intent.eventType())
                    && "off_session".equals(intent.setupFutureUsage());
            return savedForLater
                    ? cardSaved(connection, metadata, intent.customerId(), intent.paymentMethodId(),
                            "payment intent " + intent.paymentIntentId())
                    : skip(WebhookOutcome.UNHANDLED, intent.eventType() + " of a payment credited by its Checkout"
                            + " Session");
        }
        if (developer == null || !POSITIVE_ID.matcher(developer).matches()) {
            return skip(WebhookOutcome.IGNORED, "auto top-up " + intent.paymentIntentId() + " names no developer: "
                    + developer);
        }
        long developerId = Long.parseLong(developer);
        String crossingText = metadata.getOrDefault(CROSSING, "");
        long crossing = COUNT.matcher(crossingText).matches() ? Long.parseLong(crossingText) : -1;
        if (!PaymentIntentUpdate.SUCCEEDED.equals(intent.eventType())) {
            String reason = PaymentIntentUpdate.REQUIRES_ACTION.equals(intent.eventType())
                    ? ChargeResult.NEEDS_AUTHENTICATION
                    : "The card was declined" + (intent.failureMessage() == null ? "." : ": "
                            + intent.failureMessage());
            boolean turnedOff = topUps.failed(connection, intent.paymentIntentId(), developerId, crossing, reason);
            return new ReceivePaymentEvent.Recorded(WebhookOutcome.TOP_UP_FAILED, reason
                    + (turnedOff ? " Auto top-up turned off." : " (reported before)"));
        }
        if (!isUsd(intent.currency()) || intent.amountReceivedMinor() <= 0) {
            return skip(WebhookOutcome.IGNORED, "auto top-up " + intent.paymentIntentId() + " received "
                    + intent.amountReceivedMinor() + " " + intent.currency());
        }
        PaymentCrediting.Credited credited = topUps.succeeded(connection, intent.paymentIntentId(), developerId,
                crossing, intent.amountReceivedMinor(), "event " + intent.eventId());
        return new ReceivePaymentEvent.Recorded(credited.posted() ? WebhookOutcome.TOP_UP_CREDITED
                : WebhookOutcome.ALREADY_CREDITED, "auto top-up " + intent.paymentIntentId() + " of developer "
                + developerId + credited.followUp());
    }

    private ReceivePaymentEvent.Recorded cardSaved(Connection connection, Map<String, String> metadata,
                                                   String customerId, String paymentMethodId, String source)
            throws SQLException {
        String developer = metadata.get(DEVELOPER_ID);
        if (developer == null || !POSITIVE_ID.matcher(developer).matches() || customerId == null
                || paymentMethodId == null) {
            return skip(WebhookOutcome.IGNORED, source + ": no developer_id metadata, customer or payment method");
        }
        topUps.cardSaved(connection, Long.parseLong(developer),
                new SavedPaymentMethods.SavedCard(customerId, paymentMethodId));
        return new ReceivePaymentEvent.Recorded(WebhookOutcome.CARD_SAVED, source + ": card " + paymentMethodId
                + " saved for developer " + developer);
    }

    private static boolean isUsd(String currency) {
        return currency != null && CheckoutCredits.USD.equals(currency.toLowerCase(Locale.ROOT));
    }

    private static ReceivePaymentEvent.Recorded skip(WebhookOutcome outcome, String note) {
        return new ReceivePaymentEvent.Recorded(outcome, note);
    }
}
