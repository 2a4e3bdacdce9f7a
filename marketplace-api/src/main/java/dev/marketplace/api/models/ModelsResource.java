package dev.marketplace.api.models;

import dev.marketplace.catalog.application.CatalogSnapshot;
import dev.marketplace.catalog.domain.Model;
import dev.marketplace.routing.domain.Route;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import dev.marketplace.platform.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;

@Path("/v1/models")
@RequestScoped
public class ModelsResource {
    @Inject
    CatalogSnapshot catalog;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list() {
        JsonArrayBuilder data = JsonP.createArrayBuilder();
        for (Model model : catalog.liveModels()) {
            List<Route> routes = catalog.routes(model.getSlug());
            if (!routes.isEmpty()) {
                data.add(model(model, routes.get(0)));
            }
        }
        return JsonP.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }

    private static JsonObject model(Model m, Route cheapest) {
        long created = m.getCreatedAt() == null ? 0 : m.getCreatedAt().getEpochSecond();
        return JsonP.createObjectBuilder()
                .add("id", m.getSlug())
                .add("object", "model")
                .add("created", created)
                .add("owned_by", m.getSlug().substring(0, m.getSlug().indexOf('/')))
                .add("name", m.getName())
                .add("description", m.getDescription())
                .add("context_length", m.getContextLength())
                .add("architecture", JsonP.createObjectBuilder()
                        .add("modality", "text->text")
                        .add("input_modalities", JsonP.createArrayBuilder().add("text"))
                        .add("output_modalities", JsonP.createArrayBuilder().add("text")))
                .add("pricing", JsonP.createObjectBuilder()
                        .add("prompt", perToken(cheapest.inputPriceMicrosPerMTok()))
                        .add("completion", perToken(cheapest.outputPriceMicrosPerMTok())))
                .add("top_provider", JsonP.createObjectBuilder()
                        .add("context_length", m.getContextLength())
                        .add("max_completion_tokens", m.getMaxOutputTokens()))
                .add("supported_parameters", JsonP.createArrayBuilder().add("max_tokens").add("stream"))
                .build();
    }

    /** Micro-USD per million tokens as USD per token, a plain decimal string (OpenRouter's format). */
    static String perToken(long microsPerMTok) {
        return BigDecimal.valueOf(microsPerMTok, 12).stripTrailingZeros().toPlainString();
    }
}
