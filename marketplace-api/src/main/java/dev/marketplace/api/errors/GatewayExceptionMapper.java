package dev.marketplace.api.errors;

import dev.marketplace.gateway.domain.GatewayException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Gateway errors raised by JAX-RS resources (the inference servlet writes the same body itself). */
@Provider
public class GatewayExceptionMapper implements ExceptionMapper<GatewayException> {
    @Override
    public Response toResponse(GatewayException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(ApiErrors.body(e).toString()).build();
    }
}
