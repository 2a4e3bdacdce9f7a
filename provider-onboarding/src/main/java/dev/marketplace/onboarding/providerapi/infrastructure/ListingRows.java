package dev.marketplace.onboarding.providerapi.infrastructure;

import dev.marketplace.onboarding.pricechanges.domain.PriceSet;
import dev.marketplace.onboarding.pricechanges.infrastructure.PriceChangeStore;
import dev.marketplace.onboarding.providerapi.application.ProviderListing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The provider's listings (through their endpoints: another provider's rows are never read) and draft writes. */
public final class ListingRows {
    private static final String SELECT = "select l.id, m.slug, e.id, e.name, l.upstream_model, l.status, "
            + PriceChangeStore.prefixed("l.") + """
            , l.quantization, l.supported_parameters, l.created_at
              from listing l join provider_endpoint e on e.id = l.endpoint_id join model m on m.id = l.model_id
             where e.provider_id = ?""";
    /** Listings answered per list call at most. */
    public static final int LIST_LIMIT = 1000;

    public List<ProviderListing> list(Connection c, long providerId) throws SQLException {
        return query(c, SELECT + " order by m.slug, l.id limit " + LIST_LIMIT, providerId);
    }

    public Optional<ProviderListing> find(Connection c, long providerId, long listingId) throws SQLException {
        return query(c, SELECT + " and l.id = ?", providerId, listingId).stream().findFirst();
    }

    public Optional<ProviderListing> lock(Connection c, long providerId, long listingId) throws SQLException {
        return query(c, SELECT + " and l.id = ? for update of l", providerId, listingId).stream().findFirst();
    }

    /**
     * Whether the endpoint is the provider's; locks its row so that two drafts created at once for the same endpoint
     * meet in order (the second sees the first and answers 409, not a unique-constraint failure).
     */
    public boolean ownsEndpoint(Connection c, long providerId, long endpointId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select 1 from provider_endpoint where id = ? and provider_id = ? for no key update")) {
            s.setLong(1, endpointId);
            s.setLong(2, providerId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    public Optional<Long> modelId(Connection c, String slug) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select id from model where slug = ?")) {
            s.setString(1, slug);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public boolean listed(Connection c, long modelId, long endpointId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select 1 from listing where model_id = ? and endpoint_id = ?")) {
            s.setLong(1, modelId);
            s.setLong(2, endpointId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Inserts a listing in status draft (routing never sees it) and returns its id. */
    public long insertDraft(Connection c, long modelId, long endpointId, String upstreamModel, PriceSet prices,
                            String quantization, List<String> parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into listing (model_id, endpoint_id, upstream_model, status, "
                + PriceChangeStore.prefixed("") + ", quantization, supported_parameters)"
                + " values (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
            s.setLong(1, modelId);
            s.setLong(2, endpointId);
            s.setString(3, upstreamModel);
            PriceChangeStore.setPrices(s, 4, prices);
            setText(s, 12, quantization);
            setText(s, 13, parameters == null || parameters.isEmpty() ? null : String.join(",", parameters));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Rewrites a draft's editable fields; the status condition keeps a listing submitted meanwhile untouched. */
    public boolean updateDraft(Connection c, long listingId, String upstreamModel, PriceSet prices, String quantization,
                               List<String> parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update listing set upstream_model = ?, ("
                + PriceChangeStore.prefixed("") + ") = (?, ?, ?, ?, ?, ?, ?, ?), quantization = ?, supported_parameters = ?"
                + " where id = ? and status = 'draft'")) {
            s.setString(1, upstreamModel);
            PriceChangeStore.setPrices(s, 2, prices);
            setText(s, 10, quantization);
            setText(s, 11, parameters == null || parameters.isEmpty() ? null : String.join(",", parameters));
            s.setLong(12, listingId);
            return s.executeUpdate() == 1;
        }
    }

    private static List<ProviderListing> query(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<ProviderListing> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String params = rs.getString(16);
                    out.add(new ProviderListing(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), PriceChangeStore.prices(rs, 7), rs.getString(15),
                            params == null ? List.of() : Arrays.asList(params.split(",")), rs.getTimestamp(17).toInstant()));
                }
            }
            return out;
        }
    }

    private static void setText(PreparedStatement s, int index, String value) throws SQLException {
        s.setObject(index, value, Types.VARCHAR);
    }
}
