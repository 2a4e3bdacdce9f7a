package dev.marketplace.account.application;

import dev.marketplace.account.infrastructure.GenerationQueries;
import dev.marketplace.keys.application.KeyCallers;
import dev.marketplace.keys.application.KeyRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code GET /generation?id=}: one of the calling key's developer's generations; anyone else's is not found. */
@ApplicationScoped
public class GenerationLookup {
    /** Longer ids than this are none of ours; answered as not found without a query. */
    static final int MAX_ID_LENGTH = 200;

    @Inject
    KeyCallers callers;
    @Inject
    GenerationQueries generations;

    public Generation find(String authorization, String id) {
        long developerId = callers.apiKey(authorization).developerId();
        if (id == null || id.isBlank()) {
            throw KeyRequestException.badRequest("The query parameter 'id' (a generation id, gen-…) is required", "id");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw notFound();
        }
        return generations.find(developerId, id).orElseThrow(GenerationLookup::notFound);
    }

    private static KeyRequestException notFound() {
        return KeyRequestException.notFound("No generation with that id for this account", "id");
    }
}
