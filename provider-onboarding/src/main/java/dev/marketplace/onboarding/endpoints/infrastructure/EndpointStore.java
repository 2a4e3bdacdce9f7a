package dev.marketplace.onboarding.endpoints.infrastructure;

import dev.marketplace.onboarding.endpoints.application.EndpointSummary;
import dev.marketplace.onboarding.endpoints.domain.EndpointForm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes one provider's endpoints; every statement is scoped by the provider id (BOLA). */
public final class EndpointStore {

    private static final String COLUMNS = """
            id, name, base_url, adapter_id, api_key_hint, max_concurrency, max_requests_per_minute, data_retention,
            timeout_ms, list_models_url, status""";

    public List<EndpointSummary> list(Connection connection, long providerId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select " + COLUMNS + " from provider_endpoint where provider_id = ? order by name")) {
            s.setLong(1, providerId);
            List<EndpointSummary> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(summary(rs));
                }
            }
            return rows;
        }
    }

    /** The endpoint if it is this provider's; locked for the caller's transaction when {@code lock}. */
    public Optional<EndpointSummary> find(Connection connection, long providerId, long endpointId, boolean lock)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select " + COLUMNS
                + " from provider_endpoint where id = ? and provider_id = ?" + (lock ? " for update" : ""))) {
            s.setLong(1, endpointId);
            s.setLong(2, providerId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(summary(rs)) : Optional.empty();
            }
        }
    }

    /** The stored (sealed or legacy plain) key of this provider's endpoint. */
    public Optional<String> storedKey(Connection connection, long providerId, long endpointId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select api_key from provider_endpoint where id = ? and provider_id = ?")) {
            s.setLong(1, endpointId);
            s.setLong(2, providerId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public boolean nameTaken(Connection connection, long providerId, String name, long exceptId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select 1 from provider_endpoint where provider_id = ? and name = ? and id <> ?")) {
            s.setLong(1, providerId);
            s.setString(2, name);
            s.setLong(3, exceptId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Inserts the endpoint without its key (the key's sealing context is the new row's id) and returns the id. */
    public long insert(Connection connection, long providerId, EndpointForm form) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                insert into provider_endpoint (provider_id, name, base_url, adapter_id, max_concurrency,
                    max_requests_per_minute, data_retention, timeout_ms, list_models_url)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
            s.setLong(1, providerId);
            bindFields(s, 2, form);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * A member's edit. An endpoint the operator set up stays operator-trusted only while its URL is unchanged: a URL
     * a member types is a provider's, judged again at every connection (decision 0025).
     */
    public void update(Connection connection, long providerId, long endpointId, EndpointForm form) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                update provider_endpoint set operator_trusted = (operator_trusted and base_url = ?), name = ?, base_url = ?,
                    adapter_id = ?, max_concurrency = ?, max_requests_per_minute = ?, data_retention = ?, timeout_ms = ?,
                    list_models_url = ?, updated_at = now()
                 where id = ? and provider_id = ?""")) {
            s.setString(1, form.baseUrl());
            int next = bindFields(s, 2, form);
            s.setLong(next, endpointId);
            s.setLong(next + 1, providerId);
            s.executeUpdate();
        }
    }

    public void setKey(Connection connection, long endpointId, String sealedKey, String hint) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "update provider_endpoint set api_key = ?, api_key_hint = ?, updated_at = now() where id = ?")) {
            s.setString(1, sealedKey);
            s.setString(2, hint);
            s.setLong(3, endpointId);
            s.executeUpdate();
        }
    }

    public void setStatus(Connection connection, long providerId, long endpointId, String status) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "update provider_endpoint set status = ?, updated_at = now() where id = ? and provider_id = ?")) {
            s.setString(1, status);
            s.setLong(2, endpointId);
            s.setLong(3, providerId);
            s.executeUpdate();
        }
    }

    private static int bindFields(PreparedStatement s, int first, EndpointForm form) throws SQLException {
        int i = first;
        s.setString(i++, form.name());
        s.setString(i++, form.baseUrl());
        s.setString(i++, form.protocol());
        setInteger(s, i++, form.maxConcurrency());
        setInteger(s, i++, form.maxRequestsPerMinute());
        s.setString(i++, form.dataRetention());
        s.setInt(i++, form.timeoutMs());
        if (form.hasListModelsUrl()) {
            s.setString(i++, form.listModelsUrl());
        } else {
            s.setNull(i++, Types.VARCHAR);
        }
        return i;
    }

    private static void setInteger(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    private static EndpointSummary summary(ResultSet rs) throws SQLException {
        return new EndpointSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                (Integer) rs.getObject(6), (Integer) rs.getObject(7), rs.getString(8), rs.getInt(9), rs.getString(10),
                rs.getString(11));
    }
}
