package dev.marketplace.api.simulator;

import dev.marketplace.simulator.Simulator;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import dev.marketplace.platform.JsonP;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

@Path("/sim/v1")
@RequestScoped
public class SimulatorResource {
    @Inject
    Simulator simulator;

    @GET
    @Path("/models")
    @Produces(MediaType.APPLICATION_JSON)
    public String models() {
        return JsonP.createObjectBuilder().add("object", "list").add("data", JsonP.createArrayBuilder()
                .add(JsonP.createObjectBuilder().add("id", Simulator.MODEL).add("object", "model")
                        .add("created", 0).add("owned_by", "sim"))).build().toString();
    }

    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response complete(JsonObject request) throws InterruptedException {
        Thread.sleep(simulator.latencyMs());
        if (!request.getBoolean("stream", false)) {
            return Response.ok(simulator.complete(request).toString(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return events(simulator.chunks(request));
    }

    @POST
    @Path("/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response completeText(JsonObject request) throws InterruptedException {
        Thread.sleep(simulator.latencyMs());
        if (!request.getBoolean("stream", false)) {
            return Response.ok(simulator.completeText(request).toString(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return events(simulator.textChunks(request));
    }

    @POST
    @Path("/embeddings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response embeddings(JsonObject request) throws InterruptedException {
        Thread.sleep(simulator.latencyMs());
        return Response.ok(simulator.embeddings(request).toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Response events(List<JsonObject> chunks) {
        StreamingOutput stream = (OutputStream out) -> {
            for (JsonObject chunk : chunks) {
                out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                pause(simulator.tokenDelayMs());
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        };
        return Response.ok(stream, "text/event-stream").build();
    }

    private static void pause(long ms) throws java.io.InterruptedIOException {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("simulated stream interrupted");
        }
    }
}
