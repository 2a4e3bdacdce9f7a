package dev.marketplace.onboarding.signup.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a user submits to become a provider. {@link #errors()} lists every field that is not acceptable. */
public record ApplicationForm(String organisation, String contactName, String contactEmail, String website,
                              String country, boolean termsAccepted) {

    /** The version of the provider terms the form shows; stored with each accepted application. */
    public static final String TERMS_VERSION = "2026-11";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    public ApplicationForm {
        organisation = trim(organisation);
        contactName = trim(contactName);
        contactEmail = trim(contactEmail);
        website = trim(website);
        country = trim(country).toUpperCase(Locale.ROOT);
    }

    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        length(errors, "organisation", organisation, 2, 200);
        length(errors, "contactName", contactName, 2, 200);
        if (contactEmail.length() > 254 || !EMAIL.matcher(contactEmail).matches()) {
            errors.add(new FieldError("contactEmail", "Enter an e-mail address such as ops@example.com"));
        }
        if (!isWebsite(website)) {
            errors.add(new FieldError("website", "Enter the organisation's website, starting with https:// or http://"));
        }
        if (!COUNTRIES.contains(country)) {
            errors.add(new FieldError("country", "Choose a country (ISO 3166 two-letter code)"));
        }
        if (!termsAccepted) {
            errors.add(new FieldError("termsAccepted", "The provider terms must be accepted"));
        }
        return errors;
    }

    private static void length(List<FieldError> errors, String field, String value, int min, int max) {
        if (value.length() < min || value.length() > max) {
            errors.add(new FieldError(field, "Between " + min + " and " + max + " characters"));
        }
    }

    private static boolean isWebsite(String value) {
        if (value.length() < 8 || value.length() > 500) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getHost().contains(".")
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
