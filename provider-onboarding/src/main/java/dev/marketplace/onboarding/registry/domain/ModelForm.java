package dev.marketplace.onboarding.registry.domain;

import dev.marketplace.onboarding.signup.domain.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A registry model as an admin enters it: {@code author/slug}, name, description, modalities and lengths. */
public record ModelForm(String slug, String name, String description, Set<String> inputModalities,
                        Set<String> outputModalities, Integer contextLength, Integer maxOutputTokens) {

    public static final Set<String> MODALITIES = Set.of("text", "image", "file", "audio", "video");
    /** The database's check on model.slug, with the author namespace's own limit (64). */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9._-]{1,64}/[a-z0-9._:-]{1,128}");
    private static final int MAX_CONTEXT = 100_000_000;

    public ModelForm {
        slug = slug == null ? "" : slug.strip();
        name = name == null ? "" : name.strip();
        description = description == null ? "" : description.strip();
        inputModalities = inputModalities == null ? Set.of() : Set.copyOf(inputModalities);
        outputModalities = outputModalities == null ? Set.of() : Set.copyOf(outputModalities);
    }

    public String author() {
        int slash = slug.indexOf('/');
        return slash < 0 ? slug : slug.substring(0, slash);
    }

    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (!SLUG.matcher(slug).matches()) {
            errors.add(new FieldError("slug", "author/model in lower case: letters, digits, '.', '_', '-' (and ':' after the '/')"));
        }
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("name", "Between 1 and 200 characters"));
        }
        if (description.length() > 10_000) {
            errors.add(new FieldError("description", "At most 10,000 characters"));
        }
        modalities(errors, "inputModalities", inputModalities);
        modalities(errors, "outputModalities", outputModalities);
        if (contextLength == null || contextLength < 1 || contextLength > MAX_CONTEXT) {
            errors.add(new FieldError("contextLength", "Between 1 and " + MAX_CONTEXT + " tokens"));
        }
        if (maxOutputTokens == null || maxOutputTokens < 1 || (contextLength != null && maxOutputTokens > contextLength)) {
            errors.add(new FieldError("maxOutputTokens", "At least 1 and at most the context length"));
        }
        return errors;
    }

    private static void modalities(List<FieldError> errors, String field, Set<String> chosen) {
        if (chosen.isEmpty() || !MODALITIES.containsAll(chosen)) {
            errors.add(new FieldError(field, "Choose one or more of text, image, file, audio, video"));
        }
    }
}
