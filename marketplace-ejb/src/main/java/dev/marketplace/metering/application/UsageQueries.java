package dev.marketplace.metering.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads a developer's own generations, newest first. */
@ApplicationScoped
public class UsageQueries {
    public static final int MAX_PAGE = 500;

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;

    public List<GenerationSummary> recent(long developerId, int limit) {
        String sql = """
                select id, created_at, model_slug, provider_slug, prompt_tokens, completion_tokens, cost_micros,
                       latency_ms, status, streamed
                from usage_record where developer_id = ? order by created_at desc, id limit ?""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, developerId);
            ps.setInt(2, Math.max(1, Math.min(limit, MAX_PAGE)));
            List<GenerationSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new GenerationSummary(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                            rs.getString(9), rs.getBoolean(10)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read usage", e);
        }
    }
}
