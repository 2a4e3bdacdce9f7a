package dev.marketplace.onboarding.tokens.application;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.providerapi.application.ProviderApiException;
import dev.marketplace.onboarding.tokens.domain.ProviderTokenSecret;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Provider tokens for the members of one provider (the caller passes the provider of the signed-in member) and the
 * provider API's authentication. No cache: the provider API is control plane, so one indexed lookup per request
 * keeps a revocation in force at once on every node. {@code last_used_at} is written at most once a minute per token.
 */
@ApplicationScoped
public class ProviderTokens {
    /** Active tokens a provider may hold at once (a limit on everything). */
    public static final int MAX_ACTIVE_TOKENS = 25;
    static final long LAST_USED_RESOLUTION_SECONDS = 60;
    private static final String BEARER = "Bearer ";
    private static final String COLUMNS =
            "id, name, token_hint, created_by, created_at, last_used_at, revoked_at, revoked_by";

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;

    public ProviderTokens() {
    }

    public ProviderTokens(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public IssuedToken issue(long providerId, String username, String name) {
        String validName;
        try {
            validName = ProviderTokenSecret.name(name);
        } catch (IllegalArgumentException e) {
            throw ProviderApiException.badRequest(e.getMessage(), "name");
        }
        String secret = ProviderTokenSecret.generate();
        return Transactions.inTransaction(dataSource, "issue provider token", c -> {
            lockProvider(c, providerId);
            if (activeCount(c, providerId) >= MAX_ACTIVE_TOKENS) {
                throw ProviderApiException.conflict("A provider holds at most " + MAX_ACTIVE_TOKENS
                        + " active tokens: revoke one first", "name");
            }
            try (PreparedStatement s = c.prepareStatement("insert into provider_token (provider_id, name, token_hash,"
                    + " token_hint, created_by) values (?, ?, ?, ?, ?) returning " + COLUMNS)) {
                s.setLong(1, providerId);
                s.setString(2, validName);
                s.setString(3, ProviderTokenSecret.hash(secret));
                s.setString(4, ProviderTokenSecret.hint(secret));
                s.setString(5, username);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new IssuedToken(token(rs), secret);
                }
            }
        });
    }

    /** The provider's tokens, newest first, revoked ones included. */
    public List<ProviderToken> list(long providerId) {
        return Transactions.withConnection(dataSource, "list provider tokens", c -> {
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS
                    + " from provider_token where provider_id = ? order by created_at desc, id desc")) {
                s.setLong(1, providerId);
                List<ProviderToken> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(token(rs));
                    }
                }
                return out;
            }
        });
    }

    /** Revokes one of the provider's tokens for good (idempotent); another provider's token id is "not found". */
    public ProviderToken revoke(long providerId, String username, long tokenId) {
        return Transactions.inTransaction(dataSource, "revoke provider token", c -> {
            try (PreparedStatement s = c.prepareStatement("update provider_token set revoked_at = coalesce(revoked_at, now()),"
                    + " revoked_by = coalesce(revoked_by, ?) where id = ? and provider_id = ? returning " + COLUMNS)) {
                s.setString(1, username);
                s.setLong(2, tokenId);
                s.setLong(3, providerId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw ProviderApiException.notFound("provider token");
                    }
                    return token(rs);
                }
            }
        });
    }

    /** The provider behind {@code Authorization: Bearer pk-mk-v1-…}; anything else is a 401. */
    public ProviderCaller authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ProviderApiException.unauthorized("Missing provider token: send 'Authorization: Bearer "
                    + ProviderTokenSecret.PREFIX + "…' (create one at /provider/tokens in the portal)");
        }
        String presented = authorization.substring(BEARER.length()).strip();
        if (!ProviderTokenSecret.looksValid(presented)) {
            throw ProviderApiException.unauthorized(presented.startsWith("sk-mk-")
                    ? "API keys and management keys cannot call the provider API: use a provider token ("
                    + ProviderTokenSecret.PREFIX + "…)"
                    : "Invalid provider token");
        }
        return Transactions.withConnection(dataSource, "authenticate provider token", c -> {
            try (PreparedStatement s = c.prepareStatement("select id, provider_id, last_used_at from provider_token"
                    + " where token_hash = ? and revoked_at is null")) {
                s.setString(1, ProviderTokenSecret.hash(presented));
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw ProviderApiException.unauthorized("Invalid or revoked provider token");
                    }
                    ProviderCaller caller = new ProviderCaller(rs.getLong(2), rs.getLong(1));
                    touch(c, caller.tokenId(), rs.getTimestamp(3));
                    return caller;
                }
            }
        });
    }

    private static void touch(Connection c, long tokenId, Timestamp lastUsed) throws SQLException {
        if (lastUsed != null && lastUsed.toInstant().isAfter(Instant.now().minusSeconds(LAST_USED_RESOLUTION_SECONDS))) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("update provider_token set last_used_at = now() where id = ?")) {
            s.setLong(1, tokenId);
            s.executeUpdate();
        }
    }

    private static void lockProvider(Connection c, long providerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select id from provider where id = ? for update")) {
            s.setLong(1, providerId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ProviderApiException.notFound("provider");
                }
            }
        }
    }

    private static int activeCount(Connection c, long providerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select count(*) from provider_token where provider_id = ? and revoked_at is null")) {
            s.setLong(1, providerId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static ProviderToken token(ResultSet rs) throws SQLException {
        return new ProviderToken(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getString(8));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
