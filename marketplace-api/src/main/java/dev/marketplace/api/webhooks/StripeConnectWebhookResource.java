package dev.marketplace.api.webhooks;

import dev.marketplace.billing.connect.ReceiveConnectEvent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code POST /webhooks/stripe-connect}: Stripe's Connect events (about providers' connected accounts), signed with
 * the Connect endpoint's own secret. Raw body as for the platform endpoint; 200 {@code {"received":true}} also for
 * duplicates, stale and not-yet-handled types (they are recorded), 400 for a bad or missing signature.
 */
@Path("/webhooks/stripe-connect")
@RequestScoped
public class StripeConnectWebhookResource {

    @Inject
    ReceiveConnectEvent events;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String receive(InputStream body, @HeaderParam(InvalidWebhookSignatureMapper.SIGNATURE_HEADER) String signature)
            throws IOException {
        byte[] payload = body.readNBytes(StripeWebhookResource.MAX_BODY_BYTES + 1);
        if (payload.length > StripeWebhookResource.MAX_BODY_BYTES) {
            throw new WebApplicationException("Webhook body larger than " + StripeWebhookResource.MAX_BODY_BYTES
                    + " bytes", Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        events.receive(payload, signature);
        return StripeWebhookResource.RECEIVED;
    }
}
