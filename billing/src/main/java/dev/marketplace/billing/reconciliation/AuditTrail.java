package dev.marketplace.billing.reconciliation;

import java.sql.Connection;
import java.sql.SQLException;

/** Port to the append-only audit log, written on the caller's connection so it commits with the action. */
@FunctionalInterface
public interface AuditTrail {

    void append(Connection connection, String actor, String action, String target, String reason) throws SQLException;
}
