package dev.marketplace.billing.reconciliation;

import dev.marketplace.billing.ledger.AccountCodes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ledger's side of a reconciliation window on the caller's connection: every journal that moved the
 * Stripe clearing account (as cash at Stripe: minus its clearing postings) and every usage journal (its gross: minus
 * its developer postings). A journal's moment is its posting time, except a Stripe fee (the moment Stripe took it)
 * and a reconciliation correction (the start of the period whose difference it corrects, whenever it was posted).
 */
final class LedgerEntries {

    /** Both lists the matcher needs. */
    record Read(List<Entry> stripe, List<Entry> usage, long journals) {
    }

    private static final String SELECT = """
            WITH picked AS (
                SELECT id FROM ledger_journal WHERE created_at >= ? AND created_at < ?
                UNION
                SELECT j.id FROM ledger_journal j JOIN recon_difference d ON d.journal_key = j.idempotency_key
                 WHERE d.period_id = ?
                UNION
                SELECT j.id FROM ledger_journal j JOIN stripe_fee_booking f ON f.journal_key = j.idempotency_key
                 WHERE f.effective_at >= ? AND f.effective_at < ?)
            SELECT j.idempotency_key, j.kind, j.external_ref, sp.payment_intent_id,
                   COALESCE(f.effective_at, j.created_at),
                   sum(p.amount_micros) FILTER (WHERE p.account_code = ?),
                   sum(p.amount_micros) FILTER (WHERE p.account_code LIKE 'developer:%'),
                   min(p.account_code) FILTER (WHERE p.account_code LIKE 'developer:%'),
                   d.component, d.join_key, d.correction_micros, dp.starts_at
              FROM picked
              JOIN ledger_journal j ON j.id = picked.id
              JOIN ledger_posting p ON p.journal_id = j.id
              LEFT JOIN stripe_payment sp ON sp.journal_key = j.idempotency_key
              LEFT JOIN stripe_fee_booking f ON f.journal_key = j.idempotency_key
              LEFT JOIN recon_difference d ON d.journal_key = j.idempotency_key
              LEFT JOIN recon_period dp ON dp.id = d.period_id
             GROUP BY j.id, sp.payment_intent_id, f.effective_at, d.component, d.join_key, d.correction_micros,
                      dp.starts_at""";

    private LedgerEntries() {
    }

    static Read read(Connection connection, long periodId, Instant from, Instant to) throws SQLException {
        List<Entry> stripe = new ArrayList<>();
        List<Entry> usage = new ArrayList<>();
        long journals = 0;
        try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
            statement.setFetchSize(5_000);
            statement.setTimestamp(1, Timestamp.from(from));
            statement.setTimestamp(2, Timestamp.from(to));
            statement.setLong(3, periodId);
            statement.setTimestamp(4, Timestamp.from(from));
            statement.setTimestamp(5, Timestamp.from(to));
            statement.setString(6, AccountCodes.STRIPE_CLEARING);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    journals++;
                    add(rows, stripe, usage);
                }
            }
        }
        return new Read(stripe, usage, journals);
    }

    private static void add(ResultSet rows, List<Entry> stripe, List<Entry> usage) throws SQLException {
        String key = rows.getString(1);
        String kind = rows.getString(2);
        String externalRef = rows.getString(3);
        Instant at = rows.getTimestamp(5).toInstant();
        long clearing = rows.getLong(6);
        boolean touchesClearing = !rows.wasNull();
        long developer = rows.getLong(7);
        String developerAccount = rows.getString(8);
        String correctedComponent = rows.getString(9);
        if (correctedComponent != null) {
            Component component = Component.fromDb(correctedComponent);
            Entry entry = new Entry(component, rows.getString(10), rows.getLong(11),
                    rows.getTimestamp(12).toInstant(), key);
            (component == Component.USAGE ? usage : stripe).add(entry);
        } else if ("usage".equals(kind)) {
            usage.add(new Entry(Component.USAGE, key, -developer, at, key, developerAccount));
        } else if (touchesClearing) {
            stripe.add(stripeEntry(key, kind, externalRef, rows.getString(4), -clearing, at));
        }
    }

    /** Which component and join key a clearing journal is, by its kind and the Stripe id it keeps. */
    static Entry stripeEntry(String key, String kind, String externalRef, String paymentIntentId, long cashMicros,
                             Instant at) {
        String ref = externalRef == null ? key : externalRef;
        if (externalRef != null && externalRef.startsWith("tr_")) {
            return new Entry(Component.TRANSFER, externalRef, cashMicros, at, key);
        }
        return switch (kind) {
            case "purchase", "auto_top_up" -> new Entry(Component.CHARGE,
                    paymentIntentId != null ? paymentIntentId : ref, cashMicros, at, key);
            case StripeFees.KIND -> new Entry(Component.FEE, ref, cashMicros, at, key);
            case "refund" -> new Entry(Component.REFUND, ref, cashMicros, at, key);
            case "dispute_hold", "dispute_won", "dispute_lost" -> new Entry(Component.DISPUTE, ref, cashMicros, at,
                    key);
            default -> new Entry(Component.OTHER, ref, cashMicros, at, key);
        };
    }
}
