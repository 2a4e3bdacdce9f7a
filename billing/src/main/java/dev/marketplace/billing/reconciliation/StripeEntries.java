package dev.marketplace.billing.reconciliation;

import dev.marketplace.billing.payments.UsdCents;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Stripe balance transactions into entries, without I/O. A charge splits into its gross (keyed by its payment
 * intent, as purchase and top-up journals are) and its fee (keyed by the charge, as fee journals are); refunds are
 * keyed by their charge, dispute movements by the dispute, transfer reversals by their transfer; anything else is
 * {@link Component#OTHER} under its own id, so nothing Stripe did goes unmatched.
 */
public final class StripeEntries {

    private StripeEntries() {
    }

    public static List<Entry> of(BalanceLine line) {
        List<Entry> entries = new ArrayList<>(2);
        long amountMicros = UsdCents.toMicros(line.amountCents());
        long feeMicros = UsdCents.toMicros(line.feeCents());
        long netMicros = Math.subtractExact(amountMicros, feeMicros);
        String source = line.sourceId() == null ? line.id() : line.sourceId();
        switch (line.type()) {
            case "charge", "payment" -> {
                entries.add(new Entry(Component.CHARGE, line.parentId() == null ? source : line.parentId(),
                        amountMicros, line.created(), line.id()));
                if (feeMicros != 0) {
                    entries.add(new Entry(Component.FEE, source, -feeMicros, line.created(), line.id()));
                }
            }
            case "refund", "payment_refund" -> entries.add(new Entry(Component.REFUND,
                    line.parentId() == null ? source : line.parentId(), netMicros, line.created(), line.id()));
            case "transfer" -> entries.add(new Entry(Component.TRANSFER, source, netMicros, line.created(), line.id()));
            case "transfer_reversal", "transfer_refund" -> entries.add(new Entry(Component.TRANSFER,
                    line.parentId() == null ? source : line.parentId(), netMicros, line.created(), line.id()));
            default -> entries.add(source.startsWith("dp_") || source.startsWith("du_")
                    ? new Entry(Component.DISPUTE, source, netMicros, line.created(), line.id())
                    : new Entry(Component.OTHER, line.id(), netMicros, line.created(), line.id()));
        }
        return entries;
    }
}
