package dev.marketplace.api.credits;

import dev.marketplace.billing.checkout.InvalidPurchaseException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 for an amount outside the limits or not an amount. */
@Provider
public class InvalidPurchaseMapper implements ExceptionMapper<InvalidPurchaseException> {
    @Override
    public Response toResponse(InvalidPurchaseException e) {
        return PurchaseExceptionMappers.error(400, e.getMessage(), "amount");
    }
}
