package dev.marketplace.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS root of the API WAR (context root {@code /api}). */
@ApplicationPath("/")
public class ApiApplication extends Application {
}
