package dev.marketplace.onboarding.dashboard;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.catalog.stats.RollupQueries;
import dev.marketplace.catalog.stats.RollupTotals;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads one provider's dashboard. Every method takes the provider's id, which callers get from {@link #providerOf}
 * for the signed-in user, never from a request.
 */
@ApplicationScoped
public class ProviderDashboard {
    public static final int MAX_DAYS = 366;
    public static final int MAX_LEDGER_LINES = 200;

    /**
     * Served (usage records of the provider's listings, successful calls, by record time) fully joined with posted
     * (the provider's payable postings of usage journals by posting time, each with its journal's take-rate
     * posting, the journal's key naming the usage record): a day can have calls whose journal posts the next day.
     */
    static final String DAILY = """
            with served as (
                select (u.created_at at time zone 'UTC')::date as day, u.model_slug as model, count(*) as requests,
                       sum(u.prompt_tokens)::bigint as prompt, sum(u.completion_tokens)::bigint as completion
                from usage_record u
                join listing l on l.id = u.listing_id
                join provider_endpoint e on e.id = l.endpoint_id
                where e.provider_id = ? and u.status = 'ok' and u.created_at >= ? and u.created_at < ?
                group by 1, 2),
            posted as (
                select (p.created_at at time zone 'UTC')::date as day, u.model_slug as model,
                       sum(p.amount_micros)::bigint as share, coalesce(sum(f.amount_micros), 0)::bigint as fee
                from ledger_posting p
                join ledger_journal j on j.id = p.journal_id and j.kind = 'usage'
                join usage_record u on u.id = j.idempotency_key
                left join ledger_posting f on f.journal_id = p.journal_id and f.account_code = ?
                where p.account_code = ? and p.created_at >= ? and p.created_at < ?
                group by 1, 2)
            select coalesce(s.day, p.day), coalesce(s.model, p.model), coalesce(s.requests, 0), coalesce(s.prompt, 0),
                   coalesce(s.completion, 0), coalesce(p.share, 0) + coalesce(p.fee, 0), coalesce(p.fee, 0),
                   coalesce(p.share, 0)
            from served s full join posted p on p.day = s.day and p.model = s.model
            order by 1, 2""";
    static final String ENDPOINTS = "select id, name, status from provider_endpoint where provider_id = ? order by name, id";
    static final String LEDGER_LINES = """
            select j.id, j.kind, j.memo, j.external_ref, j.created_at, sum(p.amount_micros)::bigint
            from ledger_posting p join ledger_journal j on j.id = p.journal_id
            where p.account_code = ? and j.kind <> 'usage'
            group by j.id, j.kind, j.memo, j.external_ref, j.created_at
            order by j.id desc limit ?""";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    public ProviderDashboard() {
        // for CDI
    }

    public ProviderDashboard(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The provider {@code username} is a member of, or empty. */
    public Optional<ProviderRef> providerOf(String username) {
        return Transactions.withConnection(dataSource, "finding the provider of " + username, c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    select p.id, p.slug, p.name from provider_member m join provider p on p.id = m.provider_id
                    where m.username = ?""")) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new ProviderRef(rs.getLong(1), rs.getString(2), rs.getString(3)))
                            : Optional.empty();
                }
            }
        });
    }

    /** Per model and UTC day from {@code from} to {@code to} inclusive (at most {@link #MAX_DAYS} days). */
    public List<DailyEarnings> daily(long providerId, LocalDate from, LocalDate to) {
        if (from.isAfter(to) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("The period runs from a day to a later one, at most " + MAX_DAYS + " days");
        }
        Timestamp start = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        return Transactions.inSnapshot(dataSource, "reading provider earnings", c -> {
            try (PreparedStatement s = c.prepareStatement(DAILY)) {
                s.setLong(1, providerId);
                s.setTimestamp(2, start);
                s.setTimestamp(3, end);
                s.setString(4, AccountCodes.REVENUE_TAKE);
                s.setString(5, AccountCodes.providerPayable(providerId));
                s.setTimestamp(6, start);
                s.setTimestamp(7, end);
                List<DailyEarnings> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DailyEarnings(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3),
                                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
                    }
                }
                return out;
            }
        });
    }

    /** Σ postings of the provider's payable account: what the next statement pays unless settled before. */
    public long payableBalanceMicros(long providerId) {
        return Transactions.withConnection(dataSource, "reading the payable balance", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select coalesce(sum(amount_micros), 0)::bigint from ledger_posting where account_code = ?")) {
                s.setString(1, AccountCodes.providerPayable(providerId));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Journals other than usage that moved the payable (payouts, reversals, corrections), newest first. */
    public List<LedgerLine> payouts(long providerId) {
        return Transactions.withConnection(dataSource, "reading payouts", c -> {
            try (PreparedStatement s = c.prepareStatement(LEDGER_LINES)) {
                s.setString(1, AccountCodes.providerPayable(providerId));
                s.setInt(2, MAX_LEDGER_LINES);
                List<LedgerLine> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LedgerLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getTimestamp(5).toInstant(), rs.getLong(6)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Every endpoint of the provider with its health, read from the per-minute rollup of its listings' calls
     * ({@code catalog.stats}): counts over the last day, latency over the last 30 minutes.
     */
    public List<EndpointHealth> health(long providerId) {
        return Transactions.withConnection(dataSource, "reading endpoint health", c -> {
            List<Endpoint> endpoints = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(ENDPOINTS)) {
                s.setLong(1, providerId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        endpoints.add(new Endpoint(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            Map<Long, RollupTotals> totals = RollupQueries.byEndpoint(c,
                    endpoints.stream().map(Endpoint::id).toArray(Long[]::new));
            List<EndpointHealth> out = new ArrayList<>();
            for (Endpoint e : endpoints) {
                RollupTotals t = totals.getOrDefault(e.id(), RollupTotals.empty());
                out.add(new EndpointHealth(e.id(), e.name(), e.status(), t.uptime5m(), t.uptime30m(),
                        t.uptime1d(), t.latencyPercentile30m(0.5), t.latencyPercentile30m(0.95), t.ok1d(), t.error1d(),
                        t.cancelled1d(), t.capped1d()));
            }
            return out;
        });
    }

    private record Endpoint(long id, String name, String status) {
    }
}
