package dev.marketplace.onboarding.payouts.infrastructure;

import dev.marketplace.billing.connect.ConnectedAccountStatus;
import dev.marketplace.onboarding.payouts.domain.PayoutAccount;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rows of {@code provider_payout_account}, plus the few provider facts onboarding needs. */
public final class PayoutAccountStore {

    private static final String COLUMNS = "provider_id, stripe_account_id, details_submitted, charges_enabled, "
            + "payouts_enabled, transfers_capability, requirements_due::text, state_as_of, updated_at";

    /** Where a provider's Connect account is created: the country and contact of its approved application. */
    public record Applicant(String country, String email) {
    }

    public Optional<Long> providerOf(Connection connection, String username) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select provider_id from provider_member where username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public List<String> members(Connection connection, long providerId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select username from provider_member where provider_id = ? order by username")) {
            s.setLong(1, providerId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    public Applicant applicant(Connection connection, long providerId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                select country, contact_email from provider_application
                 where provider_id = ? and status = 'approved' order by id desc limit 1""")) {
            s.setLong(1, providerId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Applicant(rs.getString(1), rs.getString(2)) : new Applicant("US", null);
            }
        }
    }

    public Optional<PayoutAccount> find(Connection connection, long providerId) throws SQLException {
        return one(connection, "select " + COLUMNS + " from provider_payout_account where provider_id = ?", providerId);
    }

    /** The row of a Connect account, locked until the transaction ends (events of one account apply in turn). */
    public Optional<PayoutAccount> lockByAccount(Connection connection, String accountId) throws SQLException {
        return one(connection, "select " + COLUMNS + " from provider_payout_account where stripe_account_id = ? for update",
                accountId);
    }

    /** @return {@code false} if the provider already has an account row (a concurrent first onboarding) */
    public boolean insert(Connection connection, long providerId, String accountId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                insert into provider_payout_account (provider_id, stripe_account_id) values (?, ?)
                on conflict (provider_id) do nothing""")) {
            s.setLong(1, providerId);
            s.setString(2, accountId);
            return s.executeUpdate() == 1;
        }
    }

    public void update(Connection connection, long providerId, ConnectedAccountStatus status, Instant asOf)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                update provider_payout_account
                   set details_submitted = ?, charges_enabled = ?, payouts_enabled = ?, transfers_capability = ?,
                       requirements_due = ?::jsonb, state_as_of = ?, updated_at = now()
                 where provider_id = ?""")) {
            s.setBoolean(1, status.detailsSubmitted());
            s.setBoolean(2, status.chargesEnabled());
            s.setBoolean(3, status.payoutsEnabled());
            s.setString(4, status.transfersCapability());
            JsonArrayBuilder due = Json.createArrayBuilder();
            status.requirementsDue().forEach(due::add);
            s.setString(5, due.build().toString());
            s.setTimestamp(6, Timestamp.from(asOf));
            s.setLong(7, providerId);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("provider_payout_account of provider " + providerId + " vanished");
            }
        }
    }

    private static Optional<PayoutAccount> one(Connection connection, String sql, Object key) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setObject(1, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ConnectedAccountStatus status = new ConnectedAccountStatus(rs.getString(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getString(6), requirements(rs.getString(7)));
                Timestamp asOf = rs.getTimestamp(8);
                return Optional.of(new PayoutAccount(rs.getLong(1), status, asOf == null ? null : asOf.toInstant(),
                        rs.getTimestamp(9).toInstant()));
            }
        }
    }

    private static List<String> requirements(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }
}
