package dev.marketplace.api.provider;

import dev.marketplace.api.errors.ApiErrors;
import dev.marketplace.onboarding.providerapi.application.ProviderApiException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Refused provider API requests (400, 401, 404, 409) in the API's error shape, the field at fault in {@code param}. */
@Provider
public class ProviderApiExceptionMapper implements ExceptionMapper<ProviderApiException> {
    @Override
    public Response toResponse(ProviderApiException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiErrors.body(e.status(), e.type(), e.getMessage(), e.param(), Map.of()).toString());
        if (e.status() == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"provider-api\"");
        }
        return response.build();
    }
}
