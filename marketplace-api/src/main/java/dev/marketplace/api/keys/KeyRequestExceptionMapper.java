package dev.marketplace.api.keys;

import dev.marketplace.api.errors.ApiErrors;
import dev.marketplace.keys.application.KeyRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Refused key and account requests (401, 403, 404, 400) in the API's error shape. */
@Provider
public class KeyRequestExceptionMapper implements ExceptionMapper<KeyRequestException> {
    @Override
    public Response toResponse(KeyRequestException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiErrors.body(e.status(), e.type(), e.getMessage(), e.param(), Map.of()).toString()).build();
    }
}
