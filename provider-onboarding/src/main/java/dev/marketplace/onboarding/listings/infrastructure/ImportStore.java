package dev.marketplace.onboarding.listings.infrastructure;

import dev.marketplace.onboarding.listings.domain.ListingPrices;
import dev.marketplace.onboarding.listings.domain.ListingProposal;
import dev.marketplace.platform.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import reads and writes, on the caller's connection so that an import is written whole or not at all:
 * registry entries and author owners to check against, models proposed by the provider, and the draft listing rows
 * of one endpoint (created, or updated while still drafts).
 */
public final class ImportStore {

    /** A registry model: its id, registry status and, for a proposal, the proposing provider. */
    public record RegistryEntry(long id, String status, Long proposedBy) {
    }

    /** A listing of the endpoint: its id and status. */
    public record EndpointListing(long id, String status) {
    }

    private static final String INSERT_LISTING = """
            insert into listing (model_id, endpoint_id, upstream_model, input_price_micros_per_mtok,
                output_price_micros_per_mtok, request_price_micros, cache_read_price_micros_per_mtok,
                cache_write_price_micros_per_mtok, tier_min_context, tier_input_price_micros_per_mtok,
                tier_output_price_micros_per_mtok, quantization, supported_parameters, details, status)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), 'draft')""";
    private static final String UPDATE_DRAFT = """
            update listing set upstream_model = ?, input_price_micros_per_mtok = ?, output_price_micros_per_mtok = ?,
                request_price_micros = ?, cache_read_price_micros_per_mtok = ?, cache_write_price_micros_per_mtok = ?,
                tier_min_context = ?, tier_input_price_micros_per_mtok = ?, tier_output_price_micros_per_mtok = ?,
                quantization = ?, supported_parameters = ?, details = cast(? as jsonb), updated_at = now()
             where id = ? and status = 'draft'""";

    /** Serialises imports of one provider (two tabs importing at once). */
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

    public Map<String, RegistryEntry> registry(Connection connection, Collection<String> slugs) throws SQLException {
        Map<String, RegistryEntry> found = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "select slug, id, registry_status, proposed_by from model where slug = any(?)")) {
            s.setArray(1, connection.createArrayOf("text", slugs.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new RegistryEntry(rs.getLong(2), rs.getString(3), (Long) rs.getObject(4)));
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

    /** Inserts a registry proposal of the provider and returns the model id. */
    public long proposeModel(Connection connection, long providerId, ListingProposal p) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                insert into model (slug, name, description, context_length, max_output_tokens, input_modalities,
                    output_modalities, registry_status, proposed_by)
                values (?, ?, ?, ?, ?, ?, ?, 'proposed', ?) returning id""")) {
            s.setString(1, p.modelSlug());
            bindModelFields(connection, s, 2, p);
            s.setLong(8, providerId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Updates the provider's own proposal (a rejected one becomes proposed again). */
    public void reproposeModel(Connection connection, long modelId, ListingProposal p) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                update model set name = ?, description = ?, context_length = ?, max_output_tokens = ?,
                    input_modalities = ?, output_modalities = ?, registry_status = 'proposed', decided_by = null,
                    decided_at = null, decision_reason = null, updated_at = now()
                 where id = ? and registry_status <> 'accepted'""")) {
            bindModelFields(connection, s, 1, p);
            s.setLong(7, modelId);
            s.executeUpdate();
        }
    }

    public Map<Long, EndpointListing> listingsOfEndpoint(Connection connection, long endpointId) throws SQLException {
        Map<Long, EndpointListing> byModel = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "select model_id, id, status from listing where endpoint_id = ? for update")) {
            s.setLong(1, endpointId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byModel.put(rs.getLong(1), new EndpointListing(rs.getLong(2), rs.getString(3)));
                }
            }
        }
        return byModel;
    }

    public void insertDraft(Connection connection, long modelId, long endpointId, ListingProposal p, String sourceUrl)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(INSERT_LISTING)) {
            s.setLong(1, modelId);
            s.setLong(2, endpointId);
            s.setString(3, p.upstreamModel());
            bindListingFields(s, 4, p, sourceUrl);
            s.executeUpdate();
        }
    }

    public void updateDraft(Connection connection, long listingId, ListingProposal p, String sourceUrl) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(UPDATE_DRAFT)) {
            s.setString(1, p.upstreamModel());
            int next = bindListingFields(s, 2, p, sourceUrl);
            s.setLong(next, listingId);
            s.executeUpdate();
        }
    }

    private static void bindModelFields(Connection connection, PreparedStatement s, int first, ListingProposal p)
            throws SQLException {
        s.setString(first, p.name());
        s.setString(first + 1, p.description());
        s.setInt(first + 2, p.contextLength());
        s.setInt(first + 3, p.maxOutputTokens());
        s.setArray(first + 4, connection.createArrayOf("text", modalities(p.inputModalities())));
        s.setArray(first + 5, connection.createArrayOf("text", modalities(p.outputModalities())));
    }

    private static Object[] modalities(List<String> modalities) {
        return modalities.isEmpty() ? new Object[] {"text"} : modalities.toArray();
    }

    /** Binds every price column, quantization, supported parameters and details; returns the next index. */
    private static int bindListingFields(PreparedStatement s, int first, ListingProposal p, String sourceUrl)
            throws SQLException {
        ListingPrices prices = ListingPrices.of(p);
        int i = first;
        s.setLong(i++, prices.inputMicrosPerMTok());
        s.setLong(i++, prices.outputMicrosPerMTok());
        s.setLong(i++, prices.requestMicros());
        s.setLong(i++, prices.cacheReadMicrosPerMTok());
        s.setLong(i++, prices.cacheWriteMicrosPerMTok());
        s.setObject(i++, prices.tierMinContext(), Types.INTEGER);
        s.setObject(i++, prices.tierInputMicrosPerMTok(), Types.BIGINT);
        s.setObject(i++, prices.tierOutputMicrosPerMTok(), Types.BIGINT);
        s.setString(i++, p.quantization());
        s.setString(i++, supportedParameters(p.samplingParameters()));
        s.setString(i++, details(p, sourceUrl));
        return i;
    }

    /** The listing column admits lower-case names joined by commas (null when none are declared). */
    static String supportedParameters(List<String> parameters) {
        List<String> usable = parameters.stream().filter(name -> name.matches("[a-z_]+")).distinct().toList();
        return usable.isEmpty() ? null : String.join(",", usable);
    }

    static String details(ListingProposal p, String sourceUrl) {
        JsonObjectBuilder details = JsonP.createObjectBuilder()
                .add("name", p.name())
                .add("input_modalities", array(p.inputModalities()))
                .add("output_modalities", array(p.outputModalities()))
                .add("supported_sampling_parameters", array(p.samplingParameters()))
                .add("supported_features", array(p.features()))
                .add("description", p.description())
                .add("datacenters", array(p.datacenterCountries()))
                .add("source_url", sourceUrl);
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
