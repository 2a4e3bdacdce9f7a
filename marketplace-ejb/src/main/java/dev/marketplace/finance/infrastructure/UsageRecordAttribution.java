package dev.marketplace.finance.infrastructure;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.settlements.UsageAttribution;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Billing's {@link UsageAttribution} from the usage records: a usage journal's idempotency key is its usage record's
 * id, whose listing names the provider (through its endpoint) and whose model slug and token counts label the line.
 */
@ApplicationScoped
public class UsageRecordAttribution implements UsageAttribution {

    private static final String QUERY = """
            SELECT u.id, e.provider_id, u.model_slug, u.prompt_tokens, u.completion_tokens
              FROM usage_record u
              JOIN listing l ON l.id = u.listing_id
              JOIN provider_endpoint e ON e.id = l.endpoint_id
             WHERE u.id = ANY(?)""";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    public UsageRecordAttribution() {
        // for CDI
    }

    public UsageRecordAttribution(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Map<String, Usage> of(Collection<String> usageKeys) {
        if (usageKeys.size() > MAX_KEYS) {
            throw new IllegalArgumentException("at most " + MAX_KEYS + " keys per call, got " + usageKeys.size());
        }
        return Transactions.withConnection(dataSource, "attributing " + usageKeys.size() + " usage journals", c -> {
            Map<String, Usage> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(QUERY)) {
                s.setArray(1, c.createArrayOf("text", usageKeys.toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), new Usage(r.getLong(2), r.getString(3), r.getLong(4), r.getLong(5)));
                    }
                }
            }
            return out;
        });
    }
}
