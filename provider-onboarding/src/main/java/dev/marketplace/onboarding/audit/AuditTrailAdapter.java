package dev.marketplace.onboarding.audit;

import dev.marketplace.billing.reconciliation.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;

/** Billing's finance actions (reconciliation, close) are audited here, on billing's connection and transaction. */
@ApplicationScoped
public class AuditTrailAdapter implements AuditTrail {

    @Override
    public void append(Connection connection, String actor, String action, String target, String reason)
            throws SQLException {
        AuditLog.append(connection, actor, action, target, reason);
    }
}
