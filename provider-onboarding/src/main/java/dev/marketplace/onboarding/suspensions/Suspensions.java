package dev.marketplace.onboarding.suspensions;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.admin.AdminActionException;
import dev.marketplace.onboarding.admin.AdminReasons;
import dev.marketplace.onboarding.admin.ProviderMembers;
import dev.marketplace.onboarding.audit.AuditLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Suspends or reinstates a provider ({@code provider.status}) or an endpoint ({@code provider_endpoint.status}):
 * only {@code active → suspended} and back, each with a reason, an audit entry ({@code provider.suspend},
 * {@code provider.reinstate}, {@code endpoint.suspend}, {@code endpoint.reinstate}) and a notice to the provider's
 * members, in one transaction. Routing sees it on every node within about a second (catalog version).
 */
@ApplicationScoped
public class Suspensions {
    public static final String ACTIVE = "active";
    public static final String SUSPENDED = "suspended";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    private DataSource dataSource;

    public Suspensions() {
        // for CDI
    }

    public Suspensions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void suspendProvider(long providerId, String reason, String admin) {
        changeProvider(providerId, ACTIVE, SUSPENDED, reason, admin);
    }

    public void reinstateProvider(long providerId, String reason, String admin) {
        changeProvider(providerId, SUSPENDED, ACTIVE, reason, admin);
    }

    public void suspendEndpoint(long endpointId, String reason, String admin) {
        changeEndpoint(endpointId, ACTIVE, SUSPENDED, reason, admin);
    }

    public void reinstateEndpoint(long endpointId, String reason, String admin) {
        changeEndpoint(endpointId, SUSPENDED, ACTIVE, reason, admin);
    }

    /** Every provider with its endpoints, by name. */
    public List<ProviderOverview> overview() {
        return Transactions.inSnapshot(dataSource, "reading providers", c -> {
            Map<Long, List<ProviderOverview.Endpoint>> endpoints = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select id, provider_id, name, base_url, status from provider_endpoint order by name, id");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    endpoints.computeIfAbsent(rs.getLong(2), id -> new ArrayList<>()).add(
                            new ProviderOverview.Endpoint(rs.getLong(1), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            List<ProviderOverview> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select id, slug, name, status, take_rate_bps, platform_operated from provider order by name, id");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new ProviderOverview(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getBoolean(6), endpoints.getOrDefault(rs.getLong(1), List.of())));
                }
            }
            return out;
        });
    }

    /** What can be suspended: its table, its name in audit actions and notices, and how to find its provider. */
    private enum Subject {
        PROVIDER("provider", "provider", "Your provider account ", "id",
                "None of your endpoints receives traffic until an admin reinstates you. ",
                "Your live listings receive traffic again. "),
        ENDPOINT("provider_endpoint", "endpoint", "Your endpoint ", "provider_id",
                "It receives no traffic until an admin reinstates it. ", "Its live listings receive traffic again. ");

        final String table;
        final String kind;
        final String subjectPrefix;
        final String providerColumn;
        final String suspendedText;
        final String reinstatedText;

        Subject(String table, String kind, String subjectPrefix, String providerColumn, String suspendedText,
                String reinstatedText) {
            this.table = table;
            this.kind = kind;
            this.subjectPrefix = subjectPrefix;
            this.providerColumn = providerColumn;
            this.suspendedText = suspendedText;
            this.reinstatedText = reinstatedText;
        }
    }

    private void changeProvider(long providerId, String from, String to, String reason, String admin) {
        change(Subject.PROVIDER, providerId, from, to, reason, admin);
    }

    private void changeEndpoint(long endpointId, String from, String to, String reason, String admin) {
        change(Subject.ENDPOINT, endpointId, from, to, reason, admin);
    }

    /** Locks the row, checks its state, changes it, audits and tells the provider's members, in one transaction. */
    private void change(Subject subject, long id, String from, String to, String reason, String admin) {
        String why = AdminReasons.require(reason);
        boolean suspending = SUSPENDED.equals(to);
        Transactions.inTransaction(dataSource, "changing " + subject.kind + " " + id + " to " + to, c -> {
            Locked row = lockStatus(c, subject, id, from, to);
            try (PreparedStatement s = c.prepareStatement("update " + subject.table + " set status = ? where id = ?")) {
                s.setString(1, to);
                s.setLong(2, id);
                s.executeUpdate();
            }
            AuditLog.append(c, admin, subject.kind + (suspending ? ".suspend" : ".reinstate"), subject.table + ":" + id, why);
            ProviderMembers.notifyAll(c, row.providerId(), subject.subjectPrefix + row.name()
                            + (suspending ? " is suspended" : " is reinstated"),
                    (suspending ? subject.suspendedText : subject.reinstatedText) + "Reason: " + why);
            return null;
        });
    }

    private record Locked(String name, long providerId) {
    }

    /** Locks the row and checks it is in {@code from}. */
    private static Locked lockStatus(Connection c, Subject subject, long id, String from, String to) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select name, status, " + subject.providerColumn + " from "
                + subject.table + " where id = ? for update")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new AdminActionException(null, "There is no " + subject.kind + " " + id);
                }
                if (!from.equals(rs.getString(2))) {
                    throw new AdminActionException(null, "The " + subject.kind + " " + rs.getString(1) + " is "
                            + rs.getString(2) + ", not " + from + ": it cannot become " + to);
                }
                return new Locked(rs.getString(1), rs.getLong(3));
            }
        }
    }

}
