package dev.marketplace.onboarding.listings.infrastructure;

import dev.marketplace.onboarding.listings.application.ProviderListing;
import dev.marketplace.onboarding.listings.domain.ListingFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads listings with what their pages and the lifecycle need, and moves a listing's status. */
public final class ListingStore {

    /** The latest finished probe of a listing (the probe feature writes {@code listing_probe}; this only reads). */
    private static final String LATEST_PROBE = """
            (select p.status from listing_probe p where p.listing_id = l.id and p.finished_at is not null
              order by p.finished_at desc, p.id desc limit 1)""";
    private static final String SELECT = """
            select l.id, e.provider_id, pr.name, m.slug, e.name, l.upstream_model, l.status, l.status_reason,
                   l.input_price_micros_per_mtok, l.output_price_micros_per_mtok, l.request_price_micros, l.published_at,
                   """ + LATEST_PROBE + """
            , m.registry_status, l.updated_at
              from listing l join provider_endpoint e on e.id = l.endpoint_id join provider pr on pr.id = e.provider_id
              join model m on m.id = l.model_id""";

    /** A locked listing: who owns it and the facts its lifecycle needs. */
    public record LockedListing(ProviderListing listing, ListingFacts facts) {
    }

    public List<ProviderListing> ofProvider(Connection connection, long providerId) throws SQLException {
        return query(connection, SELECT + " where e.provider_id = ? order by m.slug, e.name", providerId);
    }

    /** Listings in one status across providers, oldest change first, at most {@code limit}. */
    public List<ProviderListing> inStatus(Connection connection, List<String> statuses, int limit) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                SELECT + " where l.status = any(?) order by l.updated_at, l.id limit ?")) {
            s.setArray(1, connection.createArrayOf("text", statuses.toArray()));
            s.setInt(2, limit);
            return rows(s);
        }
    }

    /** Locks the listing row (and reads its facts) for a status change in the caller's transaction. */
    public Optional<LockedListing> lock(Connection connection, long listingId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select id from listing where id = ? for update")) {
            lock.setLong(1, listingId);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
            }
        }
        List<ProviderListing> found = query(connection, SELECT + " where l.id = ?", listingId);
        return found.stream().findFirst().map(l -> new LockedListing(l,
                new ListingFacts(l.status(), l.publishedAt() != null, l.latestProbeStatus(), l.modelRegistryStatus())));
    }

    /** Sets the status; {@code reason} replaces the status reason (null clears it); {@code publish} stamps the first publication. */
    public void setStatus(Connection connection, long listingId, String status, String reason, boolean publish)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                update listing set status = ?, status_reason = ?, updated_at = now(),
                       published_at = case when ? and published_at is null then now() else published_at end
                 where id = ?""")) {
            s.setString(1, status);
            s.setString(2, reason);
            s.setBoolean(3, publish);
            s.setLong(4, listingId);
            s.executeUpdate();
        }
    }

    private List<ProviderListing> query(Connection connection, String sql, long id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, id);
            return rows(s);
        }
    }

    private static List<ProviderListing> rows(PreparedStatement s) throws SQLException {
        List<ProviderListing> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Timestamp published = rs.getTimestamp(12);
                rows.add(new ProviderListing(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                        published == null ? null : published.toInstant(), rs.getString(13), rs.getString(14),
                        rs.getTimestamp(15).toInstant()));
            }
        }
        return rows;
    }
}
