package dev.marketplace.onboarding.providerapi.application;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.providerapi.infrastructure.EarningsQuery;
import dev.marketplace.onboarding.providerapi.infrastructure.HealthQuery;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The provider's endpoints with their health, and its earnings over a date range (at most {@link #MAX_DAYS} days). */
@ApplicationScoped
public class ProviderInsights {
    public static final int MAX_DAYS = 92;

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;
    private final HealthQuery health = new HealthQuery();
    private final EarningsQuery earnings = new EarningsQuery();

    public ProviderInsights() {
    }

    public ProviderInsights(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<ProviderEndpointSummary> endpoints(long providerId) {
        return Transactions.withConnection(dataSource, "list endpoints", c -> {
            try (PreparedStatement s = c.prepareStatement("select id, name, base_url, adapter_id, status"
                    + " from provider_endpoint where provider_id = ? order by id")) {
                s.setLong(1, providerId);
                List<ProviderEndpointSummary> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ProviderEndpointSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5)));
                    }
                }
                return out;
            }
        });
    }

    public EndpointHealth health(long providerId, long endpointId) {
        return Transactions.withConnection(dataSource, "endpoint health", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select name, status from provider_endpoint where id = ? and provider_id = ?")) {
                s.setLong(1, endpointId);
                s.setLong(2, providerId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw ProviderApiException.notFound("endpoint");
                    }
                    return health.read(c, endpointId, rs.getString(1), rs.getString(2));
                }
            }
        });
    }

    /** Earnings per day and model, days {@code from} to {@code to} (UTC, both included). */
    public List<EarningsRow> earnings(long providerId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProviderApiException.badRequest("to must not be before from", "to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProviderApiException.badRequest("At most " + MAX_DAYS + " days per request", "to");
        }
        return Transactions.inSnapshot(dataSource, "earnings", c -> earnings.read(c, providerId, from, to));
    }
}
