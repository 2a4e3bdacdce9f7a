package dev.marketplace.onboarding.endpoints.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.onboarding.signup.domain.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointFormTest {

    static EndpointForm valid() {
        return new EndpointForm(" Main ", "https://api.example.com/v1", "openai", "sk-up-123456", 8, 600, "none", 30_000,
                "https://api.example.com/v1/models");
    }

    @Test
    void aCompleteFormHasNoErrorsAndIsTrimmed() {
        EndpointForm form = valid();
        assertEquals(List.of(), form.errors(true));
        assertEquals("Main", form.name());
    }

    @Test
    void everyBadFieldIsNamed() {
        EndpointForm form = new EndpointForm("x", "ftp", "grpc", "has space", -1, 0, "forever", 10, "short");
        List<String> fields = form.errors(true).stream().map(FieldError::field).toList();
        assertEquals(List.of("name", "baseUrl", "protocol", "apiKey", "maxConcurrency", "maxRequestsPerMinute",
                "dataRetention", "timeoutMs", "listModelsUrl"), fields);
    }

    @Test
    void aNewEndpointNeedsAKeyAnEditDoesNot() {
        EndpointForm noKey = new EndpointForm("Main", "https://api.example.com/v1", "anthropic", "  ", null, null,
                "logs_prompts", 60_000, "");
        assertEquals(List.of("apiKey"), noKey.errors(true).stream().map(FieldError::field).toList());
        assertEquals(List.of(), noKey.errors(false));
        assertTrue(!noKey.hasNewKey() && !noKey.hasListModelsUrl());
    }
}
