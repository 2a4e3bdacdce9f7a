package dev.marketplace.metering.infrastructure;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.reconciliation.MeteredUsage;
import dev.marketplace.billing.reconciliation.UsageLine;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Billing's reconciliation reads the charged usage records through this: a streamed range query by time. */
@ApplicationScoped
public class JdbcMeteredUsage implements MeteredUsage {

    private static final String SELECT = """
            select id, developer_id, cost_micros, created_at from usage_record
             where created_at >= ? and created_at < ? and cost_micros > 0""";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;

    public JdbcMeteredUsage() {
        // for CDI
    }

    public JdbcMeteredUsage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void forEachCharged(Instant from, Instant to, Consumer<UsageLine> sink) {
        Transactions.inSnapshot(dataSource, "reading usage records for reconciliation", c -> {
            try (PreparedStatement statement = c.prepareStatement(SELECT)) {
                statement.setFetchSize(5_000);
                statement.setTimestamp(1, Timestamp.from(from));
                statement.setTimestamp(2, Timestamp.from(to));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(new UsageLine(rows.getString(1), rows.getLong(2), rows.getLong(3),
                                rows.getTimestamp(4).toInstant()));
                    }
                }
            }
            return null;
        });
    }
}
