package dev.marketplace.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A model as developers ask for it, {@code author/slug}, whoever serves it. */
@Entity
@Table(name = "model")
public class Model {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String slug;
    private String name;
    private String description = "";
    @Column(name = "context_length")
    private int contextLength;
    @Column(name = "max_output_tokens")
    private int maxOutputTokens;
    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    protected Model() {
    }

    public Model(String slug, String name, String description, int contextLength, int maxOutputTokens) {
        this.slug = slug;
        this.name = name;
        this.description = description;
        this.contextLength = contextLength;
        this.maxOutputTokens = maxOutputTokens;
    }

    public Long getId() { return id; }
    public String getSlug() { return slug; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public int getContextLength() { return contextLength; }
    public int getMaxOutputTokens() { return maxOutputTokens; }
    public Instant getCreatedAt() { return createdAt; }
}
