package dev.marketplace.catalog.domain;

import dev.marketplace.billing.money.PriceSet;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A model offered on one endpoint at its prices (micro-USD): per million input and output tokens, and optionally per
 * request, per million cached prompt tokens read and written, and a second context tier ({@link #getPrices()}).
 */
@Entity
@Table(name = "listing")
public class Listing {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "model_id")
    private Model model;
    @ManyToOne(optional = false)
    @JoinColumn(name = "endpoint_id")
    private ProviderEndpoint endpoint;
    @Column(name = "upstream_model")
    private String upstreamModel;
    @Column(name = "input_price_micros_per_mtok")
    private long inputPriceMicrosPerMTok;
    @Column(name = "output_price_micros_per_mtok")
    private long outputPriceMicrosPerMTok;
    @Column(name = "request_price_micros")
    private long requestPriceMicros;
    @Column(name = "cache_read_price_micros_per_mtok")
    private long cacheReadPriceMicrosPerMTok;
    @Column(name = "cache_write_price_micros_per_mtok")
    private long cacheWritePriceMicrosPerMTok;
    @Column(name = "tier_min_context")
    private Integer tierMinContext;
    @Column(name = "tier_input_price_micros_per_mtok")
    private Long tierInputPriceMicrosPerMTok;
    @Column(name = "tier_output_price_micros_per_mtok")
    private Long tierOutputPriceMicrosPerMTok;
    private String status = "live";
    /** Comma-separated OpenRouter parameter names the listing honours; null when not declared. */
    @Column(name = "supported_parameters")
    private String supportedParameters;

    protected Listing() {
    }

    public Listing(Model model, ProviderEndpoint endpoint, String upstreamModel,
                   long inputPriceMicrosPerMTok, long outputPriceMicrosPerMTok) {
        this.model = model;
        this.endpoint = endpoint;
        this.upstreamModel = upstreamModel;
        this.inputPriceMicrosPerMTok = inputPriceMicrosPerMTok;
        this.outputPriceMicrosPerMTok = outputPriceMicrosPerMTok;
    }

    public Long getId() { return id; }
    public Model getModel() { return model; }
    public ProviderEndpoint getEndpoint() { return endpoint; }
    public String getUpstreamModel() { return upstreamModel; }
    public long getInputPriceMicrosPerMTok() { return inputPriceMicrosPerMTok; }
    public long getOutputPriceMicrosPerMTok() { return outputPriceMicrosPerMTok; }
    public String getStatus() { return status; }

    /** Every price this listing charges, as billing computes a call's cost from them. */
    public PriceSet getPrices() {
        PriceSet.Tier tier = tierMinContext == null ? null
                : new PriceSet.Tier(tierMinContext, tierInputPriceMicrosPerMTok, tierOutputPriceMicrosPerMTok);
        return new PriceSet(inputPriceMicrosPerMTok, outputPriceMicrosPerMTok, requestPriceMicros,
                cacheReadPriceMicrosPerMTok, cacheWritePriceMicrosPerMTok, tier);
    }

    /** Replaces every price of this listing (a tier's threshold must fit the column: at most 2^31 − 1 tokens). */
    public void setPrices(PriceSet prices) {
        inputPriceMicrosPerMTok = prices.inputMicrosPerMTok();
        outputPriceMicrosPerMTok = prices.outputMicrosPerMTok();
        requestPriceMicros = prices.requestMicros();
        cacheReadPriceMicrosPerMTok = prices.cacheReadMicrosPerMTok();
        cacheWritePriceMicrosPerMTok = prices.cacheWriteMicrosPerMTok();
        PriceSet.Tier tier = prices.tier();
        tierMinContext = tier == null ? null : Math.toIntExact(tier.minContext());
        tierInputPriceMicrosPerMTok = tier == null ? null : tier.inputMicrosPerMTok();
        tierOutputPriceMicrosPerMTok = tier == null ? null : tier.outputMicrosPerMTok();
    }

    /** The parameters this listing declares it honours, or null when it declares none. */
    public java.util.Set<String> getSupportedParameters() {
        return supportedParameters == null ? null : java.util.Set.copyOf(java.util.Arrays.asList(supportedParameters.split(",")));
    }

    public void setSupportedParameters(java.util.Collection<String> parameters) {
        this.supportedParameters = parameters == null || parameters.isEmpty() ? null
                : String.join(",", new java.util.TreeSet<>(parameters));
    }
}
