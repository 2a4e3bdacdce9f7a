package dev.marketplace.api.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** JAX-RS's own errors (unknown path, wrong method or media type) in the API's error shape, status kept. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = status == 404 ? "No such API path" : e.getMessage();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiErrors.body(status, ApiErrors.typeFor(status), message, null, Map.of()).toString()).build();
    }
}
