package dev.marketplace.onboarding.inbox;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.membership.ProviderMembers;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Sends notices to a user (inside the caller's transaction) and reads a user's own notices. */
@ApplicationScoped
public class Inbox {

    public static final int MAX_SHOWN = 100;
    private static final int MAX_SUBJECT = 200;

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    public Inbox() {
        // for CDI
    }

    public Inbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static void send(Connection connection, String username, String subject, String body) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "insert into inbox_notice (username, subject, body) values (?, ?, ?)")) {
            s.setString(1, username);
            s.setString(2, subject);
            s.setString(3, body);
            s.executeUpdate();
        }
    }

    /** Sends the notice to every member of the provider (subjects longer than the column allows are cut). */
    public static void sendToProviderMembers(Connection connection, long providerId, String subject, String body)
            throws SQLException {
        String cut = subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject;
        for (String member : ProviderMembers.membersOf(connection, providerId)) {
            send(connection, member, cut, body);
        }
    }

    public int unreadCount(String username) {
        return Transactions.withConnection(dataSource, "counting unread notices", connection -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "select count(*) from inbox_notice where username = ? and read_at is null")) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** This user's latest notices, newest first (at most {@link #MAX_SHOWN}). */
    public List<Notice> recent(String username) {
        return Transactions.withConnection(dataSource, "reading notices", connection -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    select id, subject, body, created_at, read_at is not null from inbox_notice
                     where username = ? order by id desc limit ?""")) {
                s.setString(1, username);
                s.setInt(2, MAX_SHOWN);
                List<Notice> notices = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        notices.add(new Notice(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getTimestamp(4).toInstant(), rs.getBoolean(5)));
                    }
                }
                return notices;
            }
        });
    }

    public void markAllRead(String username) {
        Transactions.withConnection(dataSource, "marking notices read", connection -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "update inbox_notice set read_at = now() where username = ? and read_at is null")) {
                s.setString(1, username);
                return s.executeUpdate();
            }
        });
    }
}
