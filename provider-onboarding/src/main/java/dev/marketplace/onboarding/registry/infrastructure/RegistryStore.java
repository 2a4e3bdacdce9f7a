package dev.marketplace.onboarding.registry.infrastructure;

import dev.marketplace.onboarding.registry.application.RegistryModel;
import dev.marketplace.onboarding.registry.domain.ModelForm;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads and writes registry models and author namespace claims. */
public final class RegistryStore {

    private static final String SELECT = """
            select m.id, m.slug, m.name, m.description, m.input_modalities, m.output_modalities, m.context_length,
                   m.max_output_tokens, m.registry_status, p.name, m.decision_reason, m.created_at
              from model m left join provider p on p.id = m.proposed_by""";

    public List<RegistryModel> inStatus(Connection connection, String status, int limit) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                SELECT + " where m.registry_status = ? order by m.slug limit ?")) {
            s.setString(1, status);
            s.setInt(2, limit);
            return rows(s);
        }
    }

    public Optional<RegistryModel> lock(Connection connection, long modelId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(SELECT + " where m.id = ? for update of m")) {
            s.setLong(1, modelId);
            return rows(s).stream().findFirst();
        }
    }

    public Optional<Long> proposer(Connection connection, long modelId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select proposed_by from model where id = ?")) {
            s.setLong(1, modelId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable((Long) rs.getObject(1)) : Optional.empty();
            }
        }
    }

    public boolean slugExists(Connection connection, String slug) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select 1 from model where slug = ?")) {
            s.setString(1, slug);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    public long insert(Connection connection, ModelForm form) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                insert into model (slug, name, description, input_modalities, output_modalities, context_length,
                    max_output_tokens, registry_status)
                values (?, ?, ?, ?, ?, ?, ?, 'accepted') returning id""")) {
            s.setString(1, form.slug());
            bind(connection, s, 2, form);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Edits the descriptive fields; the slug never changes (listings and usage refer to it). */
    public void update(Connection connection, long modelId, ModelForm form) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                update model set name = ?, description = ?, input_modalities = ?, output_modalities = ?,
                    context_length = ?, max_output_tokens = ?, updated_at = now() where id = ?""")) {
            bind(connection, s, 1, form);
            s.setLong(7, modelId);
            s.executeUpdate();
        }
    }

    public void decide(Connection connection, long modelId, String status, String admin, String reason) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                update model set registry_status = ?, decided_by = ?, decided_at = now(), decision_reason = ?,
                    updated_at = now() where id = ?""")) {
            s.setString(1, status);
            s.setString(2, admin);
            s.setString(3, reason);
            s.setLong(4, modelId);
            s.executeUpdate();
        }
    }

    public Optional<Long> authorOwner(Connection connection, String author) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select provider_id from model_author where author = ? for update")) {
            s.setString(1, author);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public void claimAuthor(Connection connection, String author, long providerId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "insert into model_author (author, provider_id) values (?, ?) on conflict (author) do nothing")) {
            s.setString(1, author);
            s.setLong(2, providerId);
            s.executeUpdate();
        }
    }

    private static void bind(Connection connection, PreparedStatement s, int first, ModelForm form) throws SQLException {
        s.setString(first, form.name());
        s.setString(first + 1, form.description());
        s.setArray(first + 2, connection.createArrayOf("text", form.inputModalities().stream().sorted().toArray()));
        s.setArray(first + 3, connection.createArrayOf("text", form.outputModalities().stream().sorted().toArray()));
        s.setInt(first + 4, form.contextLength());
        s.setInt(first + 5, form.maxOutputTokens());
    }

    private static List<RegistryModel> rows(PreparedStatement s) throws SQLException {
        List<RegistryModel> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new RegistryModel(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        strings(rs.getArray(5)), strings(rs.getArray(6)), rs.getInt(7), rs.getInt(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant()));
            }
        }
        return rows;
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
