package dev.marketplace.onboarding.membership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code provider_member}: the provider a user acts for, and the users to notify for a provider. */
public final class ProviderMembers {

    private ProviderMembers() {
    }

    public static Optional<Long> providerOf(Connection connection, String username) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select provider_id from provider_member where username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The provider the user acts for, or {@link NotAProviderMemberException}. */
    public static long requireProviderOf(Connection connection, String username) throws SQLException {
        return providerOf(connection, username).orElseThrow(() -> new NotAProviderMemberException(username));
    }

    public static List<String> membersOf(Connection connection, long providerId) throws SQLException {
        List<String> members = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "select username from provider_member where provider_id = ? order by username")) {
            s.setLong(1, providerId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    members.add(rs.getString(1));
                }
            }
        }
        return members;
    }
}
