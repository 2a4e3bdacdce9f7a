package dev.marketplace.billing.audit;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where finance actions are written down, inside the caller's transaction (its connection): who did what to which
 * object and why. Billing depends on nothing of ours, so the module that owns the audit log implements this port
 * and passes it in (provider-onboarding's {@code audit_log}).
 */
@FunctionalInterface
public interface FinanceAudit {

    void record(Connection connection, String actor, String action, String target, String reason)
            throws SQLException;
}
