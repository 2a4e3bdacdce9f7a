package dev.marketplace.onboarding.admin;

import dev.marketplace.onboarding.inbox.Inbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The users acting for a provider ({@code provider_member}), and notices to all of them in the caller's transaction. */
public final class ProviderMembers {

    private ProviderMembers() {
    }

    public static List<String> of(Connection connection, long providerId) throws SQLException {
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

    public static void notifyAll(Connection connection, long providerId, String subject, String body) throws SQLException {
        for (String username : of(connection, providerId)) {
            Inbox.send(connection, username, subject, body);
        }
    }
}
