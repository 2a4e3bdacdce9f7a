package dev.marketplace.onboarding.pricechanges.infrastructure;

import dev.marketplace.onboarding.pricechanges.application.ScheduledPriceChange;
import dev.marketplace.onboarding.pricechanges.domain.PriceSet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of price changes and of the listing prices they replace. Every read by listing joins the listing's
 * endpoint to the provider, so another provider's listing is simply not found.
 */
public final class PriceChangeStore {
    static final String PRICE_COLUMNS = "input_price_micros_per_mtok, output_price_micros_per_mtok, request_price_micros,"
            + " cache_read_price_micros_per_mtok, cache_write_price_micros_per_mtok, tier_min_context,"
            + " tier_input_price_micros_per_mtok, tier_output_price_micros_per_mtok";
    private static final String CHANGE_COLUMNS = "id, listing_id, " + PRICE_COLUMNS
            + ", effective_at, created_by, created_at, applied_at, cancelled_at";

    /** A listing's status and prices, read under a row lock. */
    public record LockedListing(long id, String status, PriceSet prices) {
    }

    /** The provider's listing, locked for the rest of the transaction, or empty when it is not the provider's. */
    public Optional<LockedListing> lockOwnListing(Connection c, long providerId, long listingId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select l.id, l.status, " + prefixed("l.") + """
                 from listing l join provider_endpoint e on e.id = l.endpoint_id
                where l.id = ? and e.provider_id = ? for update of l""")) {
            s.setLong(1, listingId);
            s.setLong(2, providerId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new LockedListing(rs.getLong(1), rs.getString(2), prices(rs, 3)))
                        : Optional.empty();
            }
        }
    }

    public Optional<ScheduledPriceChange> pending(Connection c, long listingId) throws SQLException {
        List<ScheduledPriceChange> found = query(c, "select " + CHANGE_COLUMNS + " from listing_price_change"
                + " where listing_id = ? and applied_at is null and cancelled_at is null", listingId);
        return found.stream().findFirst();
    }

    /** Inserts a change; {@code applied} stamps it applied now (a change that took effect in this transaction). */
    public ScheduledPriceChange insert(Connection c, long listingId, PriceSet p, Instant effectiveAt, String createdBy,
                                       boolean applied) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into listing_price_change (listing_id, " + PRICE_COLUMNS
                + ", effective_at, created_by, applied_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + (applied ? "now()" : "null") + ") returning " + CHANGE_COLUMNS)) {
            s.setLong(1, listingId);
            setPrices(s, 2, p);
            s.setTimestamp(10, Timestamp.from(effectiveAt));
            s.setString(11, createdBy);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return change(rs);
            }
        }
    }

    /** Copies a price set onto the listing (its catalog_version trigger moves every node's catalog). */
    public void setListingPrices(Connection c, long listingId, PriceSet p) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update listing set (" + PRICE_COLUMNS
                + ") = (?, ?, ?, ?, ?, ?, ?, ?) where id = ?")) {
            setPrices(s, 1, p);
            s.setLong(9, listingId);
            if (s.executeUpdate() != 1) {
                throw new SQLException("listing " + listingId + " vanished while its price changed");
            }
        }
    }

    /** The listing's changes, newest first (at most {@code limit}). */
    public List<ScheduledPriceChange> ofListing(Connection c, long listingId, int limit) throws SQLException {
        return query(c, "select " + CHANGE_COLUMNS + " from listing_price_change where listing_id = ?"
                + " order by created_at desc, id desc limit " + limit, listingId);
    }

    /** The provider's pending changes over all its listings, soonest first. */
    public List<ScheduledPriceChange> pendingOfProvider(Connection c, long providerId) throws SQLException {
        return query(c, "select " + prefixedChange() + """
                 from listing_price_change c join listing l on l.id = c.listing_id
                 join provider_endpoint e on e.id = l.endpoint_id
                where e.provider_id = ? and c.applied_at is null and c.cancelled_at is null
                order by c.effective_at, c.id""", providerId);
    }

    /**
     * Cancels a pending change of the listing. Empty when there is no such change of that listing; a change already
     * applied or cancelled comes back unchanged (the caller tells which).
     */
    public Optional<ScheduledPriceChange> cancel(Connection c, long listingId, long changeId) throws SQLException {
        List<ScheduledPriceChange> cancelled = query(c, "update listing_price_change set cancelled_at = now()"
                + " where id = ? and listing_id = ? and applied_at is null and cancelled_at is null returning "
                + CHANGE_COLUMNS, changeId, listingId);
        if (!cancelled.isEmpty()) {
            return Optional.of(cancelled.get(0));
        }
        return query(c, "select " + CHANGE_COLUMNS + " from listing_price_change where id = ? and listing_id = ?",
                changeId, listingId).stream().findFirst();
    }

    /**
     * Applies up to {@code limit} due changes in the caller's transaction: each due row is locked (rows another node
     * holds are skipped, that node applies them), copied onto its listing and stamped applied. Returns how many.
     */
    public int applyDue(Connection c, int limit) throws SQLException {
        List<ScheduledPriceChange> due = query(c, "select " + CHANGE_COLUMNS + " from listing_price_change"
                + " where applied_at is null and cancelled_at is null and effective_at <= now()"
                + " order by effective_at, id limit " + limit + " for update skip locked");
        for (ScheduledPriceChange change : due) {
            setListingPrices(c, change.listingId(), change.prices());
            try (PreparedStatement s = c.prepareStatement("update listing_price_change set applied_at = now() where id = ?")) {
                s.setLong(1, change.id());
                s.executeUpdate();
            }
        }
        return due.size();
    }

    private static List<ScheduledPriceChange> query(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<ScheduledPriceChange> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(change(rs));
                }
            }
            return out;
        }
    }

    private static ScheduledPriceChange change(ResultSet rs) throws SQLException {
        return new ScheduledPriceChange(rs.getLong(1), rs.getLong(2), prices(rs, 3), rs.getTimestamp(11).toInstant(),
                rs.getString(12), rs.getTimestamp(13).toInstant(), instant(rs.getTimestamp(14)),
                instant(rs.getTimestamp(15)));
    }

    /** Reads the eight price columns starting at {@code first}. */
    public static PriceSet prices(ResultSet rs, int first) throws SQLException {
        return new PriceSet(rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2), rs.getLong(first + 3),
                rs.getLong(first + 4), rs.getObject(first + 5, Integer.class), rs.getObject(first + 6, Long.class),
                rs.getObject(first + 7, Long.class));
    }

    /** Sets the eight price parameters starting at {@code first}. */
    public static void setPrices(PreparedStatement s, int first, PriceSet p) throws SQLException {
        s.setLong(first, p.inputMicrosPerMTok());
        s.setLong(first + 1, p.outputMicrosPerMTok());
        s.setLong(first + 2, p.requestMicros());
        s.setLong(first + 3, p.cacheReadMicrosPerMTok());
        s.setLong(first + 4, p.cacheWriteMicrosPerMTok());
        if (p.hasTier()) {
            s.setInt(first + 5, p.tierMinContext());
            s.setLong(first + 6, p.tierInputMicrosPerMTok());
            s.setLong(first + 7, p.tierOutputMicrosPerMTok());
        } else {
            s.setNull(first + 5, Types.INTEGER);
            s.setNull(first + 6, Types.BIGINT);
            s.setNull(first + 7, Types.BIGINT);
        }
    }

    public static String prefixed(String alias) {
        return alias + PRICE_COLUMNS.replace(", ", ", " + alias);
    }

    private static String prefixedChange() {
        return "c.id, c.listing_id, " + prefixed("c.") + ", c.effective_at, c.created_by, c.created_at, c.applied_at,"
                + " c.cancelled_at";
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
