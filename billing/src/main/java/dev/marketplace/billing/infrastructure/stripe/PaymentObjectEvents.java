package dev.marketplace.billing.infrastructure.stripe;

import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.SetupIntent;
import com.stripe.model.Transfer;
import dev.marketplace.billing.purchases.ChargeDisputed;
import dev.marketplace.billing.purchases.ChargeRefunded;
import dev.marketplace.billing.purchases.PaymentEvent;
import dev.marketplace.billing.purchases.PaymentIntentUpdate;
import dev.marketplace.billing.purchases.SetupIntentSucceeded;
import dev.marketplace.billing.purchases.TransferReversed;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Translates the events of refunds, disputes, payment intents, setup intents and reversed transfers into billing's
 * records;
 * {@link #translate} is empty for any other type.
 */
final class PaymentObjectEvents {

    private static final Set<String> INTENT_TYPES = Set.of(PaymentIntentUpdate.SUCCEEDED,
            PaymentIntentUpdate.PAYMENT_FAILED, PaymentIntentUpdate.REQUIRES_ACTION);

    private PaymentObjectEvents() {
    }

    static Optional<PaymentEvent> translate(Event event, String payloadJson) {
        String type = event.getType();
        if (ChargeRefunded.TYPE.equals(type)) {
            Charge charge = EventData.object(event, Charge.class);
            return Optional.of(new ChargeRefunded(event.getId(), type, payloadJson, charge.getId(),
                    charge.getPaymentIntent(), orZero(charge.getAmountRefunded()), charge.getCurrency()));
        }
        if (ChargeDisputed.CREATED.equals(type) || ChargeDisputed.CLOSED.equals(type)) {
            Dispute dispute = EventData.object(event, Dispute.class);
            return Optional.of(new ChargeDisputed(event.getId(), type, payloadJson, dispute.getId(),
                    dispute.getCharge(), dispute.getPaymentIntent(), orZero(dispute.getAmount()),
                    feeCents(dispute.getBalanceTransactions()), dispute.getCurrency(), dispute.getStatus()));
        }
        if (INTENT_TYPES.contains(type)) {
            PaymentIntent intent = EventData.object(event, PaymentIntent.class);
            String failure = intent.getLastPaymentError() == null ? null : intent.getLastPaymentError().getMessage();
            return Optional.of(new PaymentIntentUpdate(event.getId(), type, payloadJson, intent.getId(),
                    intent.getStatus(), orZero(intent.getAmountReceived()), intent.getCurrency(),
                    intent.getCustomer(), intent.getPaymentMethod(), intent.getSetupFutureUsage(),
                    intent.getMetadata(), failure));
        }
        if (SetupIntentSucceeded.TYPE.equals(type)) {
            SetupIntent setup = EventData.object(event, SetupIntent.class);
            return Optional.of(new SetupIntentSucceeded(event.getId(), type, payloadJson, setup.getId(),
                    setup.getCustomer(), setup.getPaymentMethod(), setup.getMetadata()));
        }
        if (TransferReversed.TYPE.equals(type)) {
            Transfer transfer = EventData.object(event, Transfer.class);
            return Optional.of(new TransferReversed(event.getId(), type, payloadJson, transfer.getId(),
                    orZero(transfer.getAmountReversed())));
        }
        return Optional.empty();
    }

    /** Stripe's dispute fee: the fees of the dispute's balance transactions (withdrawal plus fee). */
    private static long feeCents(List<BalanceTransaction> transactions) {
        if (transactions == null) {
            return 0;
        }
        return transactions.stream().map(BalanceTransaction::getFee).mapToLong(PaymentObjectEvents::orZero).sum();
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
