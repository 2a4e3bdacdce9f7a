package dev.marketplace.keys.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A developer's marketplace key as stored: its kind, its SHA-256 hash and a hint to recognise it (never the secret),
 * and the settings its owner may change: name, disabled, credit limit with its reset period, expiry. Every change
 * stamps {@code updatedAt}, which other nodes poll to drop the key from their caches.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "developer_id")
    private long developerId;
    private String kind = KeyKind.API.dbValue();
    private String name;
    @Column(name = "key_hash")
    private String keyHash;
    @Column(name = "key_hint")
    private String keyHint;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    private boolean disabled;
    @Column(name = "credit_limit_micros")
    private Long creditLimitMicros;
    @Column(name = "limit_reset")
    private String limitReset;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "rate_limit_rpm")
    private Integer rateLimitRpm;

    protected ApiKey() {
    }

    /** An API key without limits. */
    public ApiKey(long developerId, String name, String keyHash, String keyHint, Instant createdAt) {
        this(developerId, KeyKind.API, name, keyHash, keyHint, createdAt);
    }

    public ApiKey(long developerId, KeyKind kind, String name, String keyHash, String keyHint, Instant createdAt) {
        this.developerId = developerId;
        this.kind = kind.dbValue();
        this.name = name;
        this.keyHash = keyHash;
        this.keyHint = keyHint;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
            updatedAt = at;
        }
    }

    public void rename(String newName, Instant at) {
        name = newName;
        updatedAt = at;
    }

    public void setDisabled(boolean value, Instant at) {
        disabled = value;
        updatedAt = at;
    }

    /** The credit limit in micro-USD (null: none) and when it starts over. */
    public void limit(Long limitMicros, LimitReset reset, Instant at) {
        creditLimitMicros = limitMicros;
        limitReset = reset.wireValue();
        updatedAt = at;
    }

    /** Requests per minute this key may make (null: no limit). */
    public void rateLimit(Integer requestsPerMinute, Instant at) {
        rateLimitRpm = requestsPerMinute;
        updatedAt = at;
    }

    public Integer getRateLimitRpm() { return rateLimitRpm; }

    public void expireAt(Instant at, Instant now) {
        expiresAt = at;
        updatedAt = now;
    }

    public Long getId() { return id; }
    public long getDeveloperId() { return developerId; }
    public KeyKind getKind() { return KeyKind.fromDb(kind); }
    public String getName() { return name; }
    public String getKeyHash() { return keyHash; }
    public String getKeyHint() { return keyHint; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public boolean isDisabled() { return disabled; }
    public Long getCreditLimitMicros() { return creditLimitMicros; }
    public LimitReset getLimitReset() { return LimitReset.fromWire(limitReset).orElseThrow(); }
    public Instant getExpiresAt() { return expiresAt; }
}
