package dev.marketplace.api.webhooks;

import dev.marketplace.billing.purchases.ReceivePaymentEvent;
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
 * {@code POST /webhooks/stripe}: Stripe's platform events. The body is read as raw bytes, because the
 * signature covers exactly those; 200 {@code {"received":true}} also for duplicates and unhandled types, so
 * Stripe stops retrying them, 400 for a bad or missing signature.
 */
@Path("/webhooks/stripe")
@RequestScoped
public class StripeWebhookResource {

    /** Stripe's events are a few KB; anything near this is not one of them. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    static final String RECEIVED = "{\"received\":true}";

    @Inject
    ReceivePaymentEvent events;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String receive(InputStream body, @HeaderParam(InvalidWebhookSignatureMapper.SIGNATURE_HEADER) String signature) throws IOException {
        byte[] payload = body.readNBytes(MAX_BODY_BYTES + 1);
        if (payload.length > MAX_BODY_BYTES) {
            throw new WebApplicationException("Webhook body larger than " + MAX_BODY_BYTES + " bytes",
                    Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        events.receive(payload, signature);
        return RECEIVED;
    }
}
