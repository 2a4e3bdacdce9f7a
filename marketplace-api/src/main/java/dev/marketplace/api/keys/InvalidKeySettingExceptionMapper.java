package dev.marketplace.api.keys;

import dev.marketplace.api.errors.ApiErrors;
import dev.marketplace.keys.domain.InvalidKeySettingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** A key setting the rules refuse (name, limit, expiry, too many keys): 400 naming the parameter. */
@Provider
public class InvalidKeySettingExceptionMapper implements ExceptionMapper<InvalidKeySettingException> {
    @Override
    public Response toResponse(InvalidKeySettingException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiErrors.body(400, "invalid_request_error", e.getMessage(), e.param(), Map.of()).toString())
                .build();
    }
}
