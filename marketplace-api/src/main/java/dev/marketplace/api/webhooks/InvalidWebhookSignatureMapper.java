package dev.marketplace.api.webhooks;

import dev.marketplace.api.errors.ApiErrors;
import dev.marketplace.billing.purchases.InvalidWebhookSignatureException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** A webhook whose signature does not verify: 400 in the API's error shape, {@code param} the header. */
@Provider
public class InvalidWebhookSignatureMapper implements ExceptionMapper<InvalidWebhookSignatureException> {

    static final String SIGNATURE_HEADER = "Stripe-Signature";

    @Override
    public Response toResponse(InvalidWebhookSignatureException e) {
        int status = Response.Status.BAD_REQUEST.getStatusCode();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiErrors.body(status, ApiErrors.typeFor(status), e.getMessage(), SIGNATURE_HEADER, Map.of())
                        .toString())
                .build();
    }
}
