package dev.marketplace.api.credits;

import dev.marketplace.billing.checkout.PaymentProviderException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 502 when Stripe refused or failed a call. */
@Provider
public class PaymentProviderMapper implements ExceptionMapper<PaymentProviderException> {
    @Override
    public Response toResponse(PaymentProviderException e) {
        return PurchaseExceptionMappers.error(502, "The payment provider failed: " + e.getMessage(), null);
    }
}
