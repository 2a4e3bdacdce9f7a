package dev.marketplace.api.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every JAX-RS operation under {@code /provider/v1} is in the OpenAPI document and the document describes no
 * operation that does not exist (path templates compared with their parameter names blanked). It also checks that
 * every operation documents its error responses in the API's error shape, and the token security scheme.
 */
class OpenApiCoverageTest {
    static final String PREFIX = "/provider/v1";

    @Test
    void theDocumentDescribesExactlyTheProviderOperations() {
        Set<String> implemented = implementedOperations();
        Set<String> documented = documentedOperations();
        assertFalse(implemented.isEmpty(), "found no provider resources: the scan is broken");
        assertEquals(implemented, documented, "JAX-RS operations (left) and the OpenAPI document (right) disagree");
    }

    @Test
    void everyOperationDocumentsItsErrorsAndTheTokenScheme() {
        JsonObject doc = document();
        assertTrue(doc.getString("openapi").startsWith("3."));
        JsonObject scheme = doc.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("providerToken");
        assertEquals("bearer", scheme.getString("scheme"));
        assertTrue(doc.getJsonObject("components").getJsonObject("schemas").containsKey("Error"));
        doc.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, op) -> {
            JsonObject responses = op.asJsonObject().getJsonObject("responses");
            assertTrue(responses.containsKey("401"), method + " " + path + " documents 401");
            assertTrue(responses.getJsonObject("401").toString().contains("#/components/schemas/Error"),
                    method + " " + path + " answers 401 in the error shape");
            if (path.contains("{")) {
                assertTrue(responses.containsKey("404") || path.endsWith("/me"), method + " " + path + " documents 404");
            }
        }));
    }

    static Set<String> implementedOperations() {
        Set<String> out = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.marketplace.api")) {
            if (!c.isAnnotatedWith(Path.class) || !normalise(c.getAnnotationOfType(Path.class).value()).startsWith(PREFIX)) {
                continue;
            }
            Class<?> type = c.reflect();
            String base = type.getAnnotation(Path.class).value();
            for (Method m : type.getDeclaredMethods()) {
                String verb = httpMethod(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String path = normalise(base + (sub == null ? "" : "/" + sub.value()));
                if (path.startsWith(PREFIX)) {
                    out.add(verb + " " + path);
                }
            }
        }
        return out;
    }

    static Set<String> documentedOperations() {
        Set<String> out = new TreeSet<>();
        document().getJsonObject("paths").forEach((path, item) -> {
            for (String method : item.asJsonObject().keySet()) {
                out.add(method.toUpperCase(Locale.ROOT) + " " + normalise(path));
            }
        });
        return out;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** "/a//b/{id}/" → "/a/b/{}": slashes collapsed, parameter names blanked. */
    static String normalise(String path) {
        String p = ("/" + path).replaceAll("/+", "/").replaceAll("\\{[^}]*}", "{}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static JsonObject document() {
        try (JsonReader reader = Json.createReader(new StringReader(OpenApiResource.read()))) {
            JsonValue value = reader.readValue();
            return value.asJsonObject();
        }
    }
}
