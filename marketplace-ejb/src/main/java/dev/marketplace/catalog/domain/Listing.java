package dev.marketplace.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A model offered on one endpoint at a price per million input and output tokens, in micro-USD. */
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

    /** The parameters this listing declares it honours, or null when it declares none. */
    public java.util.Set<String> getSupportedParameters() {
        return supportedParameters == null ? null : java.util.Set.copyOf(java.util.Arrays.asList(supportedParameters.split(",")));
    }

    public void setSupportedParameters(java.util.Collection<String> parameters) {
        this.supportedParameters = parameters == null || parameters.isEmpty() ? null
                : String.join(",", new java.util.TreeSet<>(parameters));
    }
}
