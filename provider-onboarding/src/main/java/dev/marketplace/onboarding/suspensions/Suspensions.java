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

    private void changeProvider(long providerId, String from, String to, String reason, String admin) {
        String why = AdminReasons.require(reason);
        Transactions.inTransaction(dataSource, "changing provider " + providerId + " to " + to, c -> {
            String name = lockStatus(c, "select name, status from provider where id = ? for update", providerId,
                    "provider", from, to);
            update(c, "update provider set status = ? where id = ?", to, providerId);
            AuditLog.append(c, admin, SUSPENDED.equals(to) ? "provider.suspend" : "provider.reinstate",
                    "provider:" + providerId, why);
            ProviderMembers.notifyAll(c, providerId, SUSPENDED.equals(to)
                            ? "Your provider account " + name + " is suspended" : "Your provider account " + name + " is reinstated",
                    (SUSPENDED.equals(to) ? "None of your endpoints receives traffic until an admin reinstates you. "
                            : "Your live listings receive traffic again. ") + "Reason: " + why);
            return null;
        });
    }

    private void changeEndpoint(long endpointId, String from, String to, String reason, String admin) {
        String why = AdminReasons.require(reason);
        Transactions.inTransaction(dataSource, "changing endpoint " + endpointId + " to " + to, c -> {
            String name = lockStatus(c, "select name, status from provider_endpoint where id = ? for update", endpointId,
                    "endpoint", from, to);
            long providerId = providerOf(c, endpointId);
            update(c, "update provider_endpoint set status = ? where id = ?", to, endpointId);
            AuditLog.append(c, admin, SUSPENDED.equals(to) ? "endpoint.suspend" : "endpoint.reinstate",
                    "provider_endpoint:" + endpointId, why);
            ProviderMembers.notifyAll(c, providerId, SUSPENDED.equals(to)
                            ? "Your endpoint " + name + " is suspended" : "Your endpoint " + name + " is reinstated",
                    (SUSPENDED.equals(to) ? "It receives no traffic until an admin reinstates it. "
                            : "Its live listings receive traffic again. ") + "Reason: " + why);
            return null;
        });
    }

    /** Locks the row and checks it is in {@code from}; returns its name. */
    private static String lockStatus(Connection c, String sql, long id, String kind, String from, String to)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new AdminActionException(null, "There is no " + kind + " " + id);
                }
                if (!from.equals(rs.getString(2))) {
                    throw new AdminActionException(null, "The " + kind + " " + rs.getString(1) + " is "
                            + rs.getString(2) + ", not " + from + ": it cannot become " + to);
                }
                return rs.getString(1);
            }
        }
    }

    private static long providerOf(Connection c, long endpointId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select provider_id from provider_endpoint where id = ?")) {
            s.setLong(1, endpointId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(Connection c, String sql, String status, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, status);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }
}
