package dev.marketplace.billing.financedashboard;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.ledger.AccountCodes;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads the dashboard's figures in one snapshot. */
@ApplicationScoped
public class FinanceFigures {

    static final int MAX_MONTHS = 36;
    static final String DISPUTE_FEES = "platform:disputes:fees";

    private static final String POSITION = """
            SELECT COALESCE(sum(balance_micros) FILTER (WHERE account_code = ?), 0),
                   COALESCE(sum(balance_micros) FILTER (WHERE account_code LIKE 'developer:%:credit'), 0),
                   COALESCE(sum(balance_micros) FILTER (WHERE account_code LIKE 'provider:%:payable'), 0),
                   COALESCE(sum(balance_micros) FILTER (WHERE account_code = ?), 0),
                   COALESCE(sum(balance_micros) FILTER (WHERE account_code = ?), 0),
                   COALESCE(sum(balance_micros) FILTER (WHERE account_code = ?), 0),
                   COALESCE(sum(balance_micros) FILTER (WHERE account_code = ?), 0),
                   COALESCE(sum(balance_micros) FILTER (WHERE account_code = 'platform:recon:suspense'), 0)
              FROM account_balance""";
    private static final String MONTHS = """
            SELECT to_char(date_trunc('month', p.created_at AT TIME ZONE 'UTC'), 'YYYY-MM'),
                   COALESCE(-sum(p.amount_micros) FILTER (WHERE p.account_code = ? AND j.kind IN ('purchase', 'auto_top_up')), 0),
                   COALESCE(sum(p.amount_micros) FILTER (WHERE p.account_code = ? AND j.kind = 'refund'), 0),
                   COALESCE(sum(p.amount_micros) FILTER (WHERE p.account_code = ?), 0),
                   COALESCE(-sum(p.amount_micros) FILTER (WHERE p.account_code IN (?, ?)), 0),
                   COALESCE(sum(p.amount_micros) FILTER (WHERE p.account_code = ? AND j.external_ref LIKE 'tr\\_%'), 0)
              FROM ledger_posting p JOIN ledger_journal j ON j.id = p.journal_id
             WHERE p.created_at >= ?
             GROUP BY 1 ORDER BY 1""";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    public FinanceFigures() {
        // for CDI
    }

    public FinanceFigures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Position position() {
        return Transactions.inSnapshot(dataSource, "reading the finance position", FinanceFigures::position);
    }

    /** The last {@code months} months (UTC) up to and including {@code last}, oldest first, empty months as zero. */
    public List<MonthFigures> months(YearMonth last, int months) {
        if (months < 1 || months > MAX_MONTHS) {
            throw new IllegalArgumentException("months must be 1.." + MAX_MONTHS);
        }
        YearMonth first = last.minusMonths(months - 1L);
        return Transactions.inSnapshot(dataSource, "reading monthly figures", c -> months(c, first, last));
    }

    private static Position position(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(POSITION)) {
            s.setString(1, AccountCodes.STRIPE_CLEARING);
            s.setString(2, AccountCodes.REVENUE_TAKE);
            s.setString(3, AccountCodes.REVENUE_PLATFORM_PROVIDER);
            s.setString(4, AccountCodes.STRIPE_FEES);
            s.setString(5, DISPUTE_FEES);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Position(-r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                        -r.getLong(6), -r.getLong(7), r.getLong(8));
            }
        }
    }

    private static List<MonthFigures> months(Connection c, YearMonth first, YearMonth last) throws SQLException {
        java.util.Map<String, MonthFigures> found = new java.util.HashMap<>();
        try (PreparedStatement s = c.prepareStatement(MONTHS)) {
            s.setString(1, AccountCodes.STRIPE_CLEARING);
            s.setString(2, AccountCodes.STRIPE_CLEARING);
            s.setString(3, AccountCodes.REVENUE_TAKE);
            s.setString(4, AccountCodes.STRIPE_FEES);
            s.setString(5, DISPUTE_FEES);
            s.setString(6, AccountCodes.STRIPE_CLEARING);
            s.setTimestamp(7, Timestamp.from(first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    YearMonth month = YearMonth.parse(r.getString(1));
                    found.put(r.getString(1), new MonthFigures(month, r.getLong(2), r.getLong(3), r.getLong(4),
                            r.getLong(5), r.getLong(6)));
                }
            }
        }
        List<MonthFigures> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            out.add(found.getOrDefault(m.toString(), new MonthFigures(m, 0, 0, 0, 0, 0)));
        }
        return out;
    }
}
