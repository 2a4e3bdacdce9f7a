package dev.marketplace.api.openapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /openapi}: the provider API's OpenAPI document (JSON), public like any API reference. */
@Path("/openapi")
@ApplicationScoped
public class OpenApiResource {
    static final String DOCUMENT = "/openapi/provider-api.json";
    private volatile String document;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String document() {
        if (document == null) {
            document = read();
        }
        return document;
    }

    static String read() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the API WAR");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + DOCUMENT, e);
        }
    }
}
