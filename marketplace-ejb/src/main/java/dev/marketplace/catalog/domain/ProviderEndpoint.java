package dev.marketplace.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An upstream base URL of a provider, spoken to by the adapter named {@code adapterId}. */
@Entity
@Table(name = "provider_endpoint")
public class ProviderEndpoint {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "provider_id")
    private Provider provider;
    private String name;
    @Column(name = "base_url")
    private String baseUrl;
    @Column(name = "adapter_id")
    private String adapterId;
    @Column(name = "api_key")
    private String apiKey;
    @Column(name = "timeout_ms")
    private int timeoutMs = 60_000;
    private String status = "active";

    protected ProviderEndpoint() {
    }

    public ProviderEndpoint(Provider provider, String name, String baseUrl, String adapterId) {
        this(provider, name, baseUrl, adapterId, null, 60_000);
    }

    public ProviderEndpoint(Provider provider, String name, String baseUrl, String adapterId, String apiKey, int timeoutMs) {
        this.provider = provider;
        this.name = name;
        this.baseUrl = baseUrl;
        this.adapterId = adapterId;
        this.apiKey = apiKey;
        this.timeoutMs = timeoutMs;
    }

    public Long getId() { return id; }
    public Provider getProvider() { return provider; }
    public String getName() { return name; }
    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public String getAdapterId() { return adapterId; }
    public String getApiKey() { return apiKey; }
    public int getTimeoutMs() { return timeoutMs; }
    public String getStatus() { return status; }
}
