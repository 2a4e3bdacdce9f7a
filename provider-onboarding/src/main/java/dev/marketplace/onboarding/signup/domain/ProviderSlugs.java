package dev.marketplace.onboarding.signup.domain;

import java.text.Normalizer;
import java.util.Locale;

/** The slug of a new provider, made from its organisation name: {@code "Acme AI, Inc."} → {@code acme-ai-inc}. */
public final class ProviderSlugs {

    private static final int MAX_LENGTH = 40;

    private ProviderSlugs() {
    }

    public static String fromOrganisation(String organisation) {
        String ascii = Normalizer.normalize(organisation, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "provider" : slug;
    }

    /** The n-th alternative when the slug is taken: {@code acme}, {@code acme-2}, {@code acme-3}, … */
    public static String alternative(String slug, int attempt) {
        return attempt <= 1 ? slug : slug + "-" + attempt;
    }
}
