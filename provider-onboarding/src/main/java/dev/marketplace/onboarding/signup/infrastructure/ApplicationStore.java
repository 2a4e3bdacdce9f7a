package dev.marketplace.onboarding.signup.infrastructure;

import dev.marketplace.onboarding.signup.application.ApplicationSummary;
import dev.marketplace.onboarding.signup.domain.ApplicationForm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rows of provider applications, the providers they create and their members. */
public final class ApplicationStore {

    private static final String COLUMNS = """
            id, username, organisation, contact_name, contact_email, website, country, status, created_at,
            decision_reason, provider_id""";
    public static final int MAX_QUEUE = 200;

    /** Inserts a pending application; empty when this user already has one pending. */
    public Optional<Long> insert(Connection connection, String username, ApplicationForm form) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                insert into provider_application (username, organisation, contact_name, contact_email, website, country,
                    terms_version, terms_accepted_at)
                values (?, ?, ?, ?, ?, ?, ?, now())
                on conflict (username) where status = 'pending' do nothing
                returning id""")) {
            s.setString(1, username);
            s.setString(2, form.organisation());
            s.setString(3, form.contactName());
            s.setString(4, form.contactEmail());
            s.setString(5, form.website());
            s.setString(6, form.country());
            s.setString(7, ApplicationForm.TERMS_VERSION);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public Optional<ApplicationSummary> latestOf(Connection connection, String username) throws SQLException {
        List<ApplicationSummary> found = query(connection, "select " + COLUMNS
                + " from provider_application where username = ? order by id desc limit 1", username);
        return found.stream().findFirst();
    }

    public List<ApplicationSummary> pending(Connection connection) throws SQLException {
        return query(connection, "select " + COLUMNS + " from provider_application where status = 'pending' "
                + "order by created_at, id limit " + MAX_QUEUE);
    }

    /** The application, locked for a decision. */
    public Optional<ApplicationSummary> lock(Connection connection, long id) throws SQLException {
        return query(connection, "select " + COLUMNS + " from provider_application where id = ? for update", id)
                .stream().findFirst();
    }

    public void decide(Connection connection, long id, String status, String admin, String reason, Long providerId)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                update provider_application set status = ?, decided_by = ?, decided_at = now(), decision_reason = ?,
                    provider_id = ? where id = ? and status = 'pending'""")) {
            s.setString(1, status);
            s.setString(2, admin);
            s.setString(3, reason);
            s.setObject(4, providerId);
            s.setLong(5, id);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("application " + id + " was not pending");
            }
        }
    }

    public boolean isMember(Connection connection, String username) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select 1 from provider_member where username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Inserts the provider under the slug, or returns empty when the slug is taken. */
    public Optional<Long> insertProvider(Connection connection, String slug, String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "insert into provider (slug, name) values (?, ?) on conflict (slug) do nothing returning id")) {
            s.setString(1, slug);
            s.setString(2, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public void insertMember(Connection connection, long providerId, String username) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "insert into provider_member (provider_id, username) values (?, ?)")) {
            s.setLong(1, providerId);
            s.setString(2, username);
            s.executeUpdate();
        }
    }

    private static List<ApplicationSummary> query(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<ApplicationSummary> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ApplicationSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getTimestamp(9).toInstant(), rs.getString(10), (Long) rs.getObject(11)));
                }
            }
            return rows;
        }
    }
}
