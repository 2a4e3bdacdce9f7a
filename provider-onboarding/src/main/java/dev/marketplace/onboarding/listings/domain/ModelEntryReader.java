package dev.marketplace.onboarding.listings.domain;

import dev.marketplace.billing.money.PriceSet;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one {@code data[]} item into a {@link ListingProposal}, or records every problem it has. */
final class ModelEntryReader {

    static final Pattern SLUG = Pattern.compile("[a-z0-9._-]{1,64}/[a-z0-9._:-]{1,128}");
    private static final Set<String> MODALITIES = Set.of("text", "image", "file", "audio", "video");
    private static final Set<String> QUANTIZATIONS = Set.of("int4", "int8", "fp4", "fp6", "fp8", "fp16", "bf16", "fp32", "unknown");
    private static final int MAX_CONTEXT = 100_000_000;
    private static final int MAX_LIST = 64;

    private ModelEntryReader() {
    }

    static Optional<ListingProposal> read(JsonValue value, int index, List<ItemProblem> problems) {
        if (!(value instanceof JsonObject item)) {
            problems.add(new ItemProblem(index, null, "", "must be an object, got " + ItemFields.kind(value)));
            return Optional.empty();
        }
        String id = item.get("id") instanceof JsonString text && !text.getString().isBlank() && text.getString().length() <= 200
                ? text.getString() : null;
        int before = problems.size();
        ItemFields fields = new ItemFields(item, index, id, problems);
        if (id == null) {
            fields.problem("id", item.containsKey("id") ? "must be a non-empty string of at most 200 characters" : "is missing");
        }
        String slug = slug(fields, item, id);
        String name = fields.string("name", 200).orElse(id);
        Long created = fields.integer("created", 0, 32_503_680_000L).orElse(null);
        List<String> input = fields.strings("input_modalities", MODALITIES, MAX_LIST);
        List<String> output = fields.strings("output_modalities", MODALITIES, MAX_LIST);
        String quantization = quantization(fields);
        Optional<Long> context = fields.integer("context_length", 1, MAX_CONTEXT);
        if (!fields.has("context_length")) {
            fields.problem("context_length", "is missing");
        }
        Optional<Long> maxOutput = fields.integer("max_output_length", 1, MAX_CONTEXT);
        if (context.isPresent() && maxOutput.isPresent() && maxOutput.get() > context.get()) {
            fields.problem("max_output_length", "(" + maxOutput.get() + ") is larger than context_length (" + context.get() + ")");
        }
        Optional<PriceSet> prices = PricingReader.read(fields);
        List<String> sampling = fields.strings("supported_sampling_parameters", Set.of(), MAX_LIST);
        List<String> features = fields.strings("supported_features", Set.of(), MAX_LIST);
        String description = fields.string("description", 10_000).orElse("");
        Instant deprecation = deprecation(fields);
        List<String> countries = datacenters(fields);
        if (problems.size() > before || context.isEmpty() || prices.isEmpty() || slug == null || id == null) {
            return Optional.empty();
        }
        return Optional.of(new ListingProposal(id, slug, name, created, input, output, quantization,
                context.get().intValue(), maxOutput.orElse(context.get()).intValue(), prices.get(),
                sampling, features, description, deprecation, countries));
    }

    /** Our registry slug: {@code openrouter.slug} when given, else the provider's id in lower case. */
    private static String slug(ItemFields fields, JsonObject item, String id) {
        String candidate = id == null ? null : id.toLowerCase(Locale.ROOT);
        String field = "id";
        if (item.get("openrouter") instanceof JsonObject openrouter && openrouter.containsKey("slug")) {
            field = "openrouter.slug";
            candidate = openrouter.get("slug") instanceof JsonString text ? text.getString() : null;
        }
        if (candidate == null) {
            if (field.equals("openrouter.slug")) {
                fields.problem(field, "must be a string such as \"author/model\"");
            }
            return null;
        }
        if (!SLUG.matcher(candidate).matches()) {
            fields.problem(field, "\"" + TokenPrices.abbreviate(candidate) + "\" is not a model slug of the form author/model "
                    + "(lower-case letters, digits, '.', '_', '-')");
            return null;
        }
        return candidate;
    }

    private static String quantization(ItemFields fields) {
        Optional<String> quantization = fields.string("quantization", 16);
        if (quantization.isPresent() && !QUANTIZATIONS.contains(quantization.get())) {
            fields.problem("quantization", "\"" + quantization.get() + "\" is not one of " + QUANTIZATIONS.stream().sorted().toList());
            return null;
        }
        return quantization.orElse(null);
    }

    private static Instant deprecation(ItemFields fields) {
        Optional<String> text = fields.string("deprecation_date", 40);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return text.get().length() == 10 ? LocalDate.parse(text.get()).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text.get());
        } catch (DateTimeParseException e) {
            fields.problem("deprecation_date", "\"" + text.get() + "\" is not a date (YYYY-MM-DD) or an ISO-8601 instant");
            return null;
        }
    }

    private static List<String> datacenters(ItemFields fields) {
        Optional<JsonArray> array = fields.array("datacenters");
        if (array.isEmpty()) {
            return List.of();
        }
        if (array.get().size() > MAX_LIST) {
            fields.problem("datacenters", "has more than " + MAX_LIST + " entries");
            return List.of();
        }
        List<String> countries = new ArrayList<>();
        for (int i = 0; i < array.get().size(); i++) {
            JsonValue entry = array.get().get(i);
            if (entry instanceof JsonObject datacenter && datacenter.get("country_code") instanceof JsonString code
                    && code.getString().matches("[A-Z]{2}")) {
                if (!countries.contains(code.getString())) {
                    countries.add(code.getString());
                }
            } else {
                fields.problem("datacenters[" + i + "]", "must be an object with a two-letter upper-case country_code");
            }
        }
        return List.copyOf(countries);
    }
}
