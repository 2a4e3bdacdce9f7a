package dev.marketplace.api.keys;

import dev.marketplace.keys.application.CreatedKey;
import dev.marketplace.keys.application.ManagedKey;
import dev.marketplace.keys.application.ManagedKeys;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/v1/keys}: the management API, authenticated by a management key, scoped to its developer. */
@Path("/v1/keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {
    @Inject
    ManagedKeys keys;

    @GET
    public String list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (ManagedKey k : keys.list(authorization)) {
            data.add(KeyJson.of(k));
        }
        return Json.createObjectBuilder().add("data", data).build().toString();
    }

    @POST
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        CreatedKey created = keys.create(authorization, () -> KeyRequestBodies.newKey(body));
        String json = Json.createObjectBuilder().add("data", KeyJson.of(created.key())).add("key", created.secret())
                .build().toString();
        return Response.status(Response.Status.CREATED).entity(json).build();
    }

    @GET
    @Path("{id}")
    public String get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return data(keys.get(authorization, id));
    }

    @PATCH
    @Path("{id}")
    public String update(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
                         String body) {
        return data(keys.update(authorization, id, () -> KeyRequestBodies.changes(body)));
    }

    /** Revokes the key (for good); answers the revoked key. */
    @DELETE
    @Path("{id}")
    public String delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        ManagedKey revoked = keys.delete(authorization, id);
        return Json.createObjectBuilder().add("deleted", true).add("data", KeyJson.of(revoked)).build().toString();
    }

    private static String data(ManagedKey k) {
        return Json.createObjectBuilder().add("data", KeyJson.of(k)).build().toString();
    }
}
