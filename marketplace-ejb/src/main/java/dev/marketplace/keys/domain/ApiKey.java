package dev.marketplace.keys.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A developer's API key as stored: its SHA-256 hash and a hint to recognise it, never the secret. */
@Entity
@Table(name = "api_key")
public class ApiKey {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "developer_id")
    private long developerId;
    private String name;
    @Column(name = "key_hash")
    private String keyHash;
    @Column(name = "key_hint")
    private String keyHint;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    public ApiKey(long developerId, String name, String keyHash, String keyHint, Instant createdAt) {
        this.developerId = developerId;
        this.name = name;
        this.keyHash = keyHash;
        this.keyHint = keyHint;
        this.createdAt = createdAt;
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public Long getId() { return id; }
    public long getDeveloperId() { return developerId; }
    public String getName() { return name; }
    public String getKeyHash() { return keyHash; }
    public String getKeyHint() { return keyHint; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getRevokedAt() { return revokedAt; }
}
