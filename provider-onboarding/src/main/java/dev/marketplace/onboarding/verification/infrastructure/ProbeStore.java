package dev.marketplace.onboarding.verification.infrastructure;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.audit.AuditLog;
import dev.marketplace.onboarding.inbox.Inbox;
import dev.marketplace.onboarding.verification.domain.ProbeTarget;
import dev.marketplace.onboarding.verification.domain.ProbeReport;
import dev.marketplace.onboarding.verification.domain.ProbeRun;
import dev.marketplace.onboarding.verification.domain.ProviderListing;
import dev.marketplace.platform.secrets.EndpointKeys;
import dev.marketplace.platform.secrets.SecretCipher;
import dev.marketplace.routing.domain.Route;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/** JDBC over {@code listing_probe}, {@code listing} and the provider's members (see the package comment). */
public final class ProbeStore {
    /** Failed runs in a row that pause a live listing. */
    public static final int FAILURES_TO_PAUSE = 3;

    private final DataSource dataSource;
    private final SecretCipher cipher;

    /** {@code cipher} opens the endpoint keys as stored (sealed, {@link EndpointKeys}) for the probe's calls. */
    public ProbeStore(DataSource dataSource, SecretCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    public Optional<ProbeTarget> target(long listingId) {
        return Transactions.withConnection(dataSource, "reading listing " + listingId + " for a probe", c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    select l.id, e.provider_id, m.slug, l.upstream_model, l.status, e.id, e.adapter_id, e.base_url,
                           e.api_key, e.timeout_ms, e.data_retention, e.operator_trusted
                      from listing l join model m on m.id = l.model_id join provider_endpoint e on e.id = l.endpoint_id
                     where l.id = ?""")) {
                s.setLong(1, listingId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Route.Endpoint endpoint = new Route.Endpoint(rs.getLong(6), rs.getString(7), rs.getString(8),
                            EndpointKeys.open(cipher, rs.getLong(6), rs.getString(9)), rs.getInt(10), rs.getString(11),
                            null, null, rs.getBoolean(12));
                    return Optional.of(new ProbeTarget(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), endpoint));
                }
            }
        });
    }

    /**
     * Claims a new running run of the listing, with an audit entry when {@code auditActor} is given (an admin's
     * action), in one transaction; empty when a run of the listing is already running.
     */
    public OptionalLong start(long listingId, String trigger, String auditActor) {
        return Transactions.inTransaction(dataSource, "starting a probe of listing " + listingId, c -> {
            OptionalLong id;
            try (PreparedStatement s = c.prepareStatement("""
                    insert into listing_probe (listing_id, trigger) values (?, ?)
                    on conflict (listing_id) where status = 'running' do nothing returning id""")) {
                s.setLong(1, listingId);
                s.setString(2, trigger);
                try (ResultSet rs = s.executeQuery()) {
                    id = rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
            if (id.isPresent() && auditActor != null) {
                AuditLog.append(c, auditActor, "listing_probe.start", "listing:" + listingId, null);
            }
            return id;
        });
    }

    /** The checks known so far of a running run (the portal polls them). */
    public void progress(long probeId, ProbeReport report) {
        Transactions.withConnection(dataSource, "recording probe progress", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "update listing_probe set details = cast(? as jsonb) where id = ? and status = 'running'")) {
                s.setString(1, report.toJson());
                s.setLong(2, probeId);
                return s.executeUpdate();
            }
        });
    }

    public void finish(long probeId, ProbeReport report, Integer latencyMs) {
        Transactions.withConnection(dataSource, "finishing probe " + probeId, c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    update listing_probe set status = ?, details = cast(? as jsonb), latency_ms = ?,
                           finished_at = clock_timestamp()
                     where id = ? and status = 'running'""")) {
                s.setString(1, report.passed() ? "passed" : "failed");
                s.setString(2, report.toJson());
                s.setObject(3, latencyMs);
                s.setLong(4, probeId);
                return s.executeUpdate();
            }
        });
    }

    /** The listing's runs, newest first, at most {@code limit}. */
    public List<ProbeRun> history(long listingId, int limit) {
        return Transactions.withConnection(dataSource, "reading probe runs", c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    select id, listing_id, trigger, status, details::text, latency_ms, started_at, finished_at
                      from listing_probe where listing_id = ? order by started_at desc, id desc limit ?""")) {
                s.setLong(1, listingId);
                s.setInt(2, limit);
                List<ProbeRun> runs = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Timestamp finished = rs.getTimestamp(8);
                        runs.add(new ProbeRun(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                ProbeReport.fromJson(rs.getString(5)), (Integer) rs.getObject(6),
                                rs.getTimestamp(7).toInstant(), finished == null ? null : finished.toInstant()));
                    }
                }
                return runs;
            }
        });
    }

    /** The provider's listings, with the status of each one's latest run. */
    public List<ProviderListing> listings(long providerId) {
        return Transactions.withConnection(dataSource, "reading a provider's listings", c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    select l.id, m.slug, l.upstream_model, e.name, l.status, l.status_reason,
                           (select p.status from listing_probe p where p.listing_id = l.id
                             order by p.started_at desc, p.id desc limit 1)
                      from listing l join model m on m.id = l.model_id join provider_endpoint e on e.id = l.endpoint_id
                     where e.provider_id = ? and l.status <> 'retired' order by m.slug, l.id""")) {
                s.setLong(1, providerId);
                List<ProviderListing> listings = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        listings.add(new ProviderListing(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
                return listings;
            }
        });
    }

    /**
     * Live listings due for a re-probe, least recently probed first: those with a run on record (a listing goes live
     * only after one) whose latest run is not running and started longer than the interval ago. One index probe per
     * live listing ({@code listing_probe_latest}), however long the history grows.
     */
    public List<Long> dueForReprobe(Duration interval, int limit) {
        return Transactions.withConnection(dataSource, "finding listings to re-probe", c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    select l.id from listing l
                     cross join lateral (select p.status, p.started_at from listing_probe p where p.listing_id = l.id
                                          order by p.started_at desc, p.id desc limit 1) last
                     where l.status = 'live' and last.status <> 'running'
                       and last.started_at <= clock_timestamp() - make_interval(secs => ?)
                     order by last.started_at limit ?""")) {
                s.setDouble(1, interval.toMillis() / 1000.0);
                s.setInt(2, limit);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    /** Runs left running longer than {@code maxAge} (their node died): failed, so the listing can be probed again. */
    public int abandonStale(Duration maxAge) {
        return Transactions.withConnection(dataSource, "abandoning stale probe runs", c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    update listing_probe set status = 'failed', finished_at = clock_timestamp()
                     where status = 'running' and started_at < clock_timestamp() - make_interval(secs => ?)""")) {
                s.setDouble(1, maxAge.toMillis() / 1000.0);
                return s.executeUpdate();
            }
        });
    }

    /** How many of the listing's latest finished runs failed in a row (counted up to {@link #FAILURES_TO_PAUSE}). */
    public int failuresInARow(long listingId) {
        return Transactions.withConnection(dataSource, "counting failed probe runs", c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    select status from listing_probe where listing_id = ? and status <> 'running'
                     order by started_at desc, id desc limit ?""")) {
                s.setLong(1, listingId);
                s.setInt(2, FAILURES_TO_PAUSE);
                int failures = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next() && "failed".equals(rs.getString(1))) {
                        failures++;
                    }
                }
                return failures;
            }
        });
    }

    /**
     * Pauses the listing if it is live, with the reason, and notifies every member of its provider, in one
     * transaction (the listing update bumps the catalog version: routing stops within a second). False when the
     * listing was not live (paused already, or changed meanwhile): then nothing is written.
     */
    public boolean pause(long listingId, String reason, String subject, String body) {
        return Transactions.inTransaction(dataSource, "pausing listing " + listingId, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "update listing set status = 'paused', status_reason = ? where id = ? and status = 'live'")) {
                s.setString(1, reason);
                s.setLong(2, listingId);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            for (String member : members(c, listingId)) {
                Inbox.send(c, member, subject, body);
            }
            return true;
        });
    }

    private static List<String> members(Connection c, long listingId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                select pm.username from provider_member pm
                  join provider_endpoint e on e.provider_id = pm.provider_id
                  join listing l on l.endpoint_id = e.id
                 where l.id = ? order by pm.username""")) {
            s.setLong(1, listingId);
            List<String> members = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    members.add(rs.getString(1));
                }
            }
            return members;
        }
    }
}
