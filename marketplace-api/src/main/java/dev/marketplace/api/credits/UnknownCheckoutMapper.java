package dev.marketplace.api.credits;

import dev.marketplace.billing.checkout.UnknownCheckoutException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 404 for a Checkout Session that is not the caller's. */
@Provider
public class UnknownCheckoutMapper implements ExceptionMapper<UnknownCheckoutException> {
    @Override
    public Response toResponse(UnknownCheckoutException e) {
        return PurchaseExceptionMappers.error(404, e.getMessage(), "session");
    }
}
