package dev.marketplace.account.infrastructure;

import dev.marketplace.account.application.Credits;
import dev.marketplace.billing.charges.ChargeWriter;
import dev.marketplace.billing.ledger.AccountCodes;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Sums a developer's credit account by journal kind: usage journals are spending, every other kind (grant,
 * purchase, refund, correction…) is credit, net. Reads billing's tables; billing offers no query for this.
 */
@ApplicationScoped
public class LedgerTotals {
    private static final String TOTALS = """
            select coalesce(sum(p.amount_micros) filter (where j.kind <> ?), 0)::bigint,
                   coalesce(-sum(p.amount_micros) filter (where j.kind = ?), 0)::bigint
            from ledger_posting p join ledger_journal j on j.id = p.journal_id
            where p.account_code = ?""";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;

    public Credits credits(long developerId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(TOTALS)) {
            ps.setString(1, ChargeWriter.KIND);
            ps.setString(2, ChargeWriter.KIND);
            ps.setString(3, AccountCodes.developerCredit(developerId));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Credits(rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the credit totals of developer " + developerId, e);
        }
    }
}
