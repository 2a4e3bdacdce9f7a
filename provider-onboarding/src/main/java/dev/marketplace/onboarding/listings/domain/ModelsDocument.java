package dev.marketplace.onboarding.listings.domain;

import dev.marketplace.platform.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A List Models document in OpenRouter's provider format ({@code {"data": [...]}}), parsed into proposals and
 * problems. Duplicate ids or slugs within the document are problems of the later item. The caller imports only a
 * document without problems.
 */
public record ModelsDocument(List<ListingProposal> proposals, List<ItemProblem> problems) {

    public static final int MAX_MODELS = 1_000;

    public boolean valid() {
        return problems.isEmpty();
    }

    public static ModelsDocument parse(byte[] json) {
        JsonObject root;
        try (JsonReader reader = JsonP.createReader(new ByteArrayInputStream(json))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                return documentProblem("", "must be a JSON object with a \"data\" array, got " + ItemFields.kind(value));
            }
            root = object;
        } catch (JsonException | IllegalStateException e) {
            return documentProblem("", "is not valid JSON: " + TokenPrices.abbreviate(String.valueOf(e.getMessage())));
        }
        if (!(root.get("data") instanceof JsonArray data)) {
            return documentProblem("data", root.containsKey("data") ? "must be an array" : "is missing");
        }
        if (data.size() > MAX_MODELS) {
            return documentProblem("data", "has " + data.size() + " models; at most " + MAX_MODELS + " per import");
        }
        List<ListingProposal> proposals = new ArrayList<>();
        List<ItemProblem> problems = new ArrayList<>();
        Map<String, Integer> idsSeen = new HashMap<>();
        Map<String, Integer> slugsSeen = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            Optional<ListingProposal> proposal = ModelEntryReader.read(data.get(i), i, problems);
            if (proposal.isEmpty()) {
                continue;
            }
            ListingProposal p = proposal.get();
            Integer firstId = idsSeen.putIfAbsent(p.upstreamModel(), i);
            Integer firstSlug = slugsSeen.putIfAbsent(p.modelSlug(), i);
            if (firstId != null) {
                problems.add(new ItemProblem(i, p.upstreamModel(), "id", "duplicates the id of data[" + firstId + "]"));
            } else if (firstSlug != null) {
                problems.add(new ItemProblem(i, p.upstreamModel(), "id", "maps to the slug " + p.modelSlug()
                        + " like data[" + firstSlug + "]: one listing per model"));
            } else {
                proposals.add(p);
            }
        }
        return new ModelsDocument(List.copyOf(proposals), List.copyOf(problems));
    }

    private static ModelsDocument documentProblem(String field, String message) {
        return new ModelsDocument(List.of(), List.of(new ItemProblem(-1, null, field, message)));
    }
}
