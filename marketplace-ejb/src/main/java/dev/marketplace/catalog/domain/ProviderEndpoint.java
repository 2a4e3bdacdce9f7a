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
    /** What the endpoint keeps of a request: none, logs_prompts or unknown (treated as retaining). */
    @Column(name = "data_retention")
    private String dataRetention = RETENTION_UNKNOWN;
    /** Calls in flight at most (null: unlimited, 0: drained). */
    @Column(name = "max_concurrency")
    private Integer maxConcurrency;
    @Column(name = "max_requests_per_minute")
    private Integer maxRequestsPerMinute;
    /** The operator wrote this URL (seed, simulator): its host name is called as written (decision 0025). */
    @Column(name = "operator_trusted")
    private boolean operatorTrusted;

    public static final String RETENTION_NONE = "none";
    public static final String RETENTION_LOGS_PROMPTS = "logs_prompts";
    public static final String RETENTION_UNKNOWN = "unknown";

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
    /** The key as stored: sealed ({@code enc:v1:…}, see platform.secrets.EndpointKeys) or legacy plain text. */
    public String getApiKey() { return apiKey; }
    public void setStoredApiKey(String storedApiKey) { this.apiKey = storedApiKey; }
    public int getTimeoutMs() { return timeoutMs; }
    public String getStatus() { return status; }
    public String getDataRetention() { return dataRetention; }
    public Integer getMaxConcurrency() { return maxConcurrency; }
    public Integer getMaxRequestsPerMinute() { return maxRequestsPerMinute; }
    public boolean isOperatorTrusted() { return operatorTrusted; }

    /** For endpoints the operator configures (seed file, built-in simulator); never for a provider's own. */
    public void markOperatorTrusted() { this.operatorTrusted = true; }

    /** Routing attributes: data retention and capacity limits (null limits: unlimited). */
    public void setRoutingAttributes(String dataRetention, Integer maxConcurrency, Integer maxRequestsPerMinute) {
        if (!java.util.Set.of(RETENTION_NONE, RETENTION_LOGS_PROMPTS, RETENTION_UNKNOWN).contains(dataRetention)) {
            throw new IllegalArgumentException("data_retention must be none, logs_prompts or unknown: " + dataRetention);
        }
        if ((maxConcurrency != null && maxConcurrency < 0) || (maxRequestsPerMinute != null && maxRequestsPerMinute < 1)) {
            throw new IllegalArgumentException("max_concurrency must be >= 0 and max_requests_per_minute >= 1");
        }
        this.dataRetention = dataRetention;
        this.maxConcurrency = maxConcurrency;
        this.maxRequestsPerMinute = maxRequestsPerMinute;
    }
}
