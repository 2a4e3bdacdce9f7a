package dev.marketplace.api.credits;

import dev.marketplace.api.errors.ApiErrors;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Refused purchases in the API's error shape: 400 (amount), 404 (no such session of yours), 502 (Stripe). */
final class PurchaseExceptionMappers {

    private PurchaseExceptionMappers() {
    }

    static Response error(int status, String message, String param) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiErrors.body(status, ApiErrors.typeFor(status), message, param, Map.of()).toString())
                .build();
    }
}
