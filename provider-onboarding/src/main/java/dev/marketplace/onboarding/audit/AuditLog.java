package dev.marketplace.onboarding.audit;

import dev.marketplace.billing.jdbc.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Appends to and reads the audit log. Appending always joins the caller's transaction (its connection). */
@ApplicationScoped
public class AuditLog {

    public static final int MAX_SHOWN = 500;

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    public AuditLog() {
        // for CDI
    }

    public AuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static void append(Connection connection, String actor, String action, String target, String reason)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "insert into audit_log (actor, action, target, reason) values (?, ?, ?, ?)")) {
            s.setString(1, actor);
            s.setString(2, action);
            s.setString(3, target);
            s.setString(4, reason);
            s.executeUpdate();
        }
    }

    /** The latest entries, newest first, at most {@link #MAX_SHOWN}. */
    public List<AuditEntry> recent(int limit) {
        return Transactions.withConnection(dataSource, "reading the audit log", connection -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "select id, actor, action, target, reason, created_at from audit_log order by id desc limit ?")) {
                s.setInt(1, Math.min(Math.max(limit, 1), MAX_SHOWN));
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getTimestamp(6).toInstant()));
                    }
                }
                return entries;
            }
        });
    }
}
