package dev.marketplace.api.models;

import dev.marketplace.catalog.application.CatalogSnapshot;
import dev.marketplace.catalog.domain.Model;
import dev.marketplace.routing.domain.Route;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import dev.marketplace.platform.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
                data.add(model(model, routes.get(0), declared(routes)));
            }
        }
        return JsonP.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }

    /** The parameters any live listing of the model declares (OpenRouter lists the union); null when none does. */
    private static Set<String> declared(List<Route> routes) {
        Set<String> union = new TreeSet<>();
        routes.stream().filter(r -> r.supportedParameters() != null).forEach(r -> union.addAll(r.supportedParameters()));
        return union.isEmpty() ? null : union;
    }

    /** Declared parameters sorted, or what every endpoint takes when nothing is declared. */
    static JsonArray parameters(Set<String> declared) {
        JsonArrayBuilder out = JsonP.createArrayBuilder();
        if (declared == null) {
            return out.add("max_tokens").add("stream").build();
        }
        new TreeSet<>(declared).forEach(out::add);
        return out.build();
    }

    private static JsonObject model(Model m, Route cheapest, Set<String> parameters) {
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
                .add("pricing", PricingJson.pricing(cheapest.prices()))
                .add("top_provider", JsonP.createObjectBuilder()
                        .add("context_length", m.getContextLength())
                        .add("max_completion_tokens", m.getMaxOutputTokens()))
                .add("supported_parameters", parameters(parameters))
                .build();
    }
}
