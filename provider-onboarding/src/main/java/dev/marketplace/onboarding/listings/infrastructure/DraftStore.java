package dev.marketplace.onboarding.listings.infrastructure;

import dev.marketplace.billing.money.PriceSet;
import dev.marketplace.onboarding.listings.application.DraftListing;
import dev.marketplace.onboarding.listings.domain.ListingProposal;
import dev.marketplace.platform.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and writes draft listings and the registry facts an import is checked against. */
public final class DraftStore {

    private static final String UPSERT = """
            insert into listing_draft (provider_id, upstream_model, model_slug, name, context_length, max_output_tokens,
                input_price_micros_per_mtok, output_price_micros_per_mtok, quantization, details, source_url, new_model,
                request_price_micros, cache_read_price_micros_per_mtok, cache_write_price_micros_per_mtok,
                tier_min_context, tier_input_price_micros_per_mtok, tier_output_price_micros_per_mtok)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (provider_id, upstream_model) do update set
                model_slug = excluded.model_slug, name = excluded.name, context_length = excluded.context_length,
                max_output_tokens = excluded.max_output_tokens,
                input_price_micros_per_mtok = excluded.input_price_micros_per_mtok,
                output_price_micros_per_mtok = excluded.output_price_micros_per_mtok,
                request_price_micros = excluded.request_price_micros,
                cache_read_price_micros_per_mtok = excluded.cache_read_price_micros_per_mtok,
                cache_write_price_micros_per_mtok = excluded.cache_write_price_micros_per_mtok,
                tier_min_context = excluded.tier_min_context,
                tier_input_price_micros_per_mtok = excluded.tier_input_price_micros_per_mtok,
                tier_output_price_micros_per_mtok = excluded.tier_output_price_micros_per_mtok,
                quantization = excluded.quantization, details = excluded.details, source_url = excluded.source_url,
                new_model = excluded.new_model, imported_at = now()""";

    /** Serialises imports of one provider (two admins or tabs importing at once). */
    public void lockProvider(Connection connection, long providerId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select id from provider where id = ? for update")) {
            s.setLong(1, providerId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no provider " + providerId);
                }
            }
        }
    }

    public Set<String> existingModels(Connection connection, Collection<String> slugs) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement s = connection.prepareStatement("select slug from model where slug = any(?)")) {
            s.setArray(1, connection.createArrayOf("text", slugs.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    /** Owner provider id of each given author namespace that has one. */
    public Map<String, Long> authorOwners(Connection connection, Collection<String> authors) throws SQLException {
        Map<String, Long> owners = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("select author, provider_id from model_author where author = any(?)")) {
            s.setArray(1, connection.createArrayOf("text", authors.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    owners.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return owners;
    }

    /** This provider's existing drafts by slug → upstream model, to find a slug already taken by another of its ids. */
    public Map<String, String> draftUpstreamsBySlug(Connection connection, long providerId) throws SQLException {
        Map<String, String> drafts = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "select model_slug, upstream_model from listing_draft where provider_id = ?")) {
            s.setLong(1, providerId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    drafts.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return drafts;
    }

    public void upsert(Connection connection, long providerId, String sourceUrl, List<ListingProposal> proposals,
                       Set<String> existingModels) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(UPSERT)) {
            for (ListingProposal p : proposals) {
                s.setLong(1, providerId);
                s.setString(2, p.upstreamModel());
                s.setString(3, p.modelSlug());
                s.setString(4, p.name());
                s.setInt(5, p.contextLength());
                s.setInt(6, p.maxOutputTokens());
                s.setLong(7, p.inputPriceMicrosPerMTok());
                s.setLong(8, p.outputPriceMicrosPerMTok());
                if (p.quantization() == null) {
                    s.setNull(9, Types.VARCHAR);
                } else {
                    s.setString(9, p.quantization());
                }
                s.setString(10, details(p));
                s.setString(11, sourceUrl);
                s.setBoolean(12, !existingModels.contains(p.modelSlug()));
                bindExtraPrices(s, 13, p.prices());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Request, cache and tier prices at {@code first} and the five parameters after it; a missing tier as nulls. */
    private static void bindExtraPrices(PreparedStatement s, int first, PriceSet prices) throws SQLException {
        s.setLong(first, prices.requestMicros());
        s.setLong(first + 1, prices.cacheReadMicrosPerMTok());
        s.setLong(first + 2, prices.cacheWriteMicrosPerMTok());
        PriceSet.Tier tier = prices.tier();
        if (tier == null) {
            s.setNull(first + 3, Types.INTEGER);
            s.setNull(first + 4, Types.BIGINT);
            s.setNull(first + 5, Types.BIGINT);
        } else {
            s.setInt(first + 3, Math.toIntExact(tier.minContext()));
            s.setLong(first + 4, tier.inputMicrosPerMTok());
            s.setLong(first + 5, tier.outputMicrosPerMTok());
        }
    }

    public List<DraftListing> list(Connection connection, long providerId) throws SQLException {
        List<DraftListing> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("""
                select upstream_model, model_slug, name, context_length, input_price_micros_per_mtok,
                       output_price_micros_per_mtok, new_model
                  from listing_draft where provider_id = ? order by model_slug""")) {
            s.setLong(1, providerId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new DraftListing(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
                            rs.getLong(6), rs.getBoolean(7)));
                }
            }
        }
        return rows;
    }

    static String details(ListingProposal p) {
        JsonObjectBuilder details = JsonP.createObjectBuilder()
                .add("input_modalities", array(p.inputModalities()))
                .add("output_modalities", array(p.outputModalities()))
                .add("supported_sampling_parameters", array(p.samplingParameters()))
                .add("supported_features", array(p.features()))
                .add("description", p.description())
                .add("datacenters", array(p.datacenterCountries()));
        if (p.createdEpochSeconds() != null) {
            details.add("created", p.createdEpochSeconds());
        }
        if (p.deprecationDate() != null) {
            details.add("deprecation_date", p.deprecationDate().toString());
        }
        return details.build().toString();
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = JsonP.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
