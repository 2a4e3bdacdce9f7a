package dev.marketplace.billing.settlements;

import dev.marketplace.billing.ledger.AccountCodes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums a payee account's posted ledger lines of one period into statement lines, on the caller's connection (run
 * it in one snapshot). Usage lines: the payee's posting of each usage journal is the net, the developer's debit the
 * gross, the difference the fee, grouped by the model the attribution names and the UTC day of posting. Adjustment
 * lines: every other journal that moved the payee account in the period, except the payouts of earlier statements.
 * Nothing is recomputed from prices or rates.
 */
final class StatementCalculator {

    /** Journals of this kind pay earlier statements: they are not part of any period's due. */
    static final String PAYOUT_KIND = Statement.PAYOUT_JOURNAL_KIND;
    static final String USAGE_KIND = "usage";
    static final int FETCH_SIZE = 1000;

    private static final String USAGE_POSTINGS = """
            SELECT j.idempotency_key, (p.created_at AT TIME ZONE 'UTC')::date, p.amount_micros,
                   (SELECT -sum(d.amount_micros) FROM ledger_posting d
                     WHERE d.journal_id = j.id AND d.amount_micros < 0)::bigint
              FROM ledger_posting p JOIN ledger_journal j ON j.id = p.journal_id
             WHERE p.account_code = ? AND p.created_at >= ? AND p.created_at < ? AND j.kind = ?
             ORDER BY p.id""";
    private static final String OTHER_POSTINGS = """
            SELECT j.idempotency_key, j.kind, j.memo, (p.created_at AT TIME ZONE 'UTC')::date, p.amount_micros
              FROM ledger_posting p JOIN ledger_journal j ON j.id = p.journal_id
             WHERE p.account_code = ? AND p.created_at >= ? AND p.created_at < ? AND j.kind NOT IN (?, ?)
             ORDER BY p.id""";

    /** One usage journal as read from the ledger. */
    private record UsagePosting(String key, LocalDate day, long netMicros, long grossMicros) {
    }

    private record LineKey(LocalDate day, String model) implements Comparable<LineKey> {
        @Override
        public int compareTo(LineKey other) {
            int byDay = day.compareTo(other.day);
            return byDay != 0 ? byDay : model.compareTo(other.model);
        }
    }

    /**
     * The lines of a provider's period. For a provider the platform operates, the payee account is shared
     * ({@code platform:revenue:platform-provider}): only usage the attribution gives to this provider counts, and
     * there are no adjustments.
     */
    List<StatementLine> lines(Connection connection, SettlementPayee payee, String payeeAccount, Period period,
                              UsageAttribution attribution) throws SQLException {
        List<StatementLine> lines = new ArrayList<>(usageLines(connection, payee, payeeAccount, period, attribution));
        if (!payee.platformOperated()) {
            lines.addAll(adjustmentLines(connection, payeeAccount, period));
        }
        return lines;
    }

    static String payeeAccount(SettlementPayee payee) {
        return payee.platformOperated() ? AccountCodes.REVENUE_PLATFORM_PROVIDER
                : AccountCodes.providerPayable(payee.providerId());
    }

    private List<StatementLine> usageLines(Connection connection, SettlementPayee payee, String payeeAccount,
                                           Period period, UsageAttribution attribution) throws SQLException {
        Map<LineKey, long[]> sums = new TreeMap<>();
        List<UsagePosting> chunk = new ArrayList<>(UsageAttribution.MAX_KEYS);
        try (PreparedStatement s = connection.prepareStatement(USAGE_POSTINGS)) {
            s.setFetchSize(FETCH_SIZE);
            s.setString(1, payeeAccount);
            s.setTimestamp(2, Timestamp.from(period.start()));
            s.setTimestamp(3, Timestamp.from(period.end()));
            s.setString(4, USAGE_KIND);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    chunk.add(new UsagePosting(rows.getString(1), rows.getObject(2, LocalDate.class), rows.getLong(3),
                            rows.getLong(4)));
                    if (chunk.size() == UsageAttribution.MAX_KEYS) {
                        addChunk(chunk, payee, attribution, sums);
                        chunk.clear();
                    }
                }
            }
        }
        addChunk(chunk, payee, attribution, sums);
        List<StatementLine> lines = new ArrayList<>(sums.size());
        sums.forEach((key, v) -> lines.add(new StatementLine(StatementLine.Kind.USAGE, key.day(), key.model(), v[0],
                v[1], v[2], v[3], Math.subtractExact(v[3], v[4]), v[4], null)));
        return lines;
    }

    private static void addChunk(List<UsagePosting> chunk, SettlementPayee payee, UsageAttribution attribution,
                                 Map<LineKey, long[]> sums) {
        if (chunk.isEmpty()) {
            return;
        }
        Map<String, UsageAttribution.Usage> usage = attribution.of(chunk.stream().map(UsagePosting::key).toList());
        for (UsagePosting posting : chunk) {
            UsageAttribution.Usage known = usage.get(posting.key());
            if (payee.platformOperated() && (known == null || known.providerId() != payee.providerId())) {
                continue; // the shared platform account: another platform provider's usage, or unknown
            }
            String model = known == null ? StatementLine.UNATTRIBUTED : known.model();
            long[] v = sums.computeIfAbsent(new LineKey(posting.day(), model), k -> new long[5]);
            v[0] = Math.addExact(v[0], 1);
            v[1] = Math.addExact(v[1], known == null ? 0 : known.promptTokens());
            v[2] = Math.addExact(v[2], known == null ? 0 : known.completionTokens());
            v[3] = Math.addExact(v[3], posting.grossMicros());
            v[4] = Math.addExact(v[4], posting.netMicros());
        }
    }

    private static List<StatementLine> adjustmentLines(Connection connection, String payeeAccount, Period period)
            throws SQLException {
        Map<String, StatementLine> byJournal = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(OTHER_POSTINGS)) {
            s.setString(1, payeeAccount);
            s.setTimestamp(2, Timestamp.from(period.start()));
            s.setTimestamp(3, Timestamp.from(period.end()));
            s.setString(4, USAGE_KIND);
            s.setString(5, PAYOUT_KIND);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getString(1);
                    String memo = rows.getString(3);
                    long amount = rows.getLong(5);
                    String reason = rows.getString(2) + ": " + (memo == null ? "" : memo + " ") + "(journal " + key + ")";
                    byJournal.merge(key, new StatementLine(StatementLine.Kind.ADJUSTMENT,
                            rows.getObject(4, LocalDate.class), rows.getString(2), 0, 0, 0, amount, 0, amount, reason),
                            (a, b) -> new StatementLine(a.kind(), a.day(), a.model(), 0, 0, 0,
                                    Math.addExact(a.grossMicros(), b.grossMicros()), 0,
                                    Math.addExact(a.netMicros(), b.netMicros()), a.reason()));
                }
            }
        }
        return new ArrayList<>(byJournal.values());
    }
}
