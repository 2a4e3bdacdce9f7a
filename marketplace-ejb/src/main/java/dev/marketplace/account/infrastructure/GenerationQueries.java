package dev.marketplace.account.infrastructure;

import dev.marketplace.account.application.Generation;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads one usage record by generation id, only if it belongs to the given developer. */
@ApplicationScoped
public class GenerationQueries {
    private static final String ONE = """
            select id, model_slug, provider_slug, created_at, prompt_tokens, completion_tokens, cost_micros, latency_ms,
                   finish_reason, streamed, status, cache_read_tokens, cache_write_tokens
            from usage_record where id = ? and developer_id = ?""";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;

    public Optional<Generation> find(long developerId, String generationId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ONE)) {
            ps.setString(1, generationId);
            ps.setLong(2, developerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Generation(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getLong(12), rs.getLong(13), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8),
                        rs.getString(9), rs.getBoolean(10), rs.getString(11)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read generation", e);
        }
    }
}
