package dev.marketplace.platform.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Readiness of this node: can it reach the database the hot path writes to? Borrows a connection from the
 * hot path's pool and validates it, bounded by {@link #TIMEOUT_MS} so a hanging database answers "not ready"
 * instead of hanging the probe.
 */
@ApplicationScoped
public class Readiness {
    static final long TIMEOUT_MS = 3_000;

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;
    @Resource
    ManagedExecutorService executor;

    public record Check(String name, boolean up, String detail) {
    }

    public Check database() {
        Future<Check> future;
        try {
            future = executor.submit(this::validate);
        } catch (RuntimeException rejected) {
            return new Check("database", false, "probe not run: " + rejected.getClass().getSimpleName());
        }
        try {
            return future.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Check("database", false, "no answer within " + TIMEOUT_MS + " ms");
        } catch (ExecutionException e) {
            return new Check("database", false, "probe failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Check("database", false, "interrupted");
        }
    }

    private Check validate() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid((int) TimeUnit.MILLISECONDS.toSeconds(TIMEOUT_MS))
                    ? new Check("database", true, null)
                    : new Check("database", false, "connection not valid");
        } catch (SQLException e) {
            return new Check("database", false, "cannot connect (SQLState " + e.getSQLState() + ")");
        }
    }
}
