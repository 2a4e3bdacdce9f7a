package dev.marketplace.onboarding.signup.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ApplicationFormTest {

    private static ApplicationForm valid() {
        return new ApplicationForm("Acme AI", "Ada Lovelace", "ops@acme.example", "https://acme.example", "de", true);
    }

    @Test
    void aCompleteFormHasNoErrorsAndIsNormalised() {
        ApplicationForm form = new ApplicationForm("  Acme AI ", "Ada Lovelace", " ops@acme.example ", "https://acme.example",
                " de ", true);
        assertEquals(List.of(), form.errors());
        assertEquals("Acme AI", form.organisation());
        assertEquals("DE", form.country());
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is refused")
    @CsvSource(delimiter = '|', value = {
            "organisation | A",
            "organisation | ''",
            "contactName  | ''",
            "contactEmail | not-an-email",
            "contactEmail | a@b",
            "contactEmail | two@@example.com",
            "website      | acme.example",
            "website      | ftp://acme.example",
            "website      | https://localhost",
            "website      | https://user:pw@acme.example",
            "country      | XX",
            "country      | Germany",
            "country      | ''",
    })
    void refusesABadField(String field, String value) {
        ApplicationForm base = valid();
        ApplicationForm form = new ApplicationForm(
                field.equals("organisation") ? value : base.organisation(),
                field.equals("contactName") ? value : base.contactName(),
                field.equals("contactEmail") ? value : base.contactEmail(),
                field.equals("website") ? value : base.website(),
                field.equals("country") ? value : base.country(), true);
        assertEquals(List.of(field), form.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void theTermsMustBeAccepted() {
        ApplicationForm form = new ApplicationForm("Acme AI", "Ada Lovelace", "ops@acme.example", "https://acme.example", "DE", false);
        assertEquals(List.of("termsAccepted"), form.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void nullsAreErrorsNotCrashes() {
        assertEquals(5, new ApplicationForm(null, null, null, null, null, true).errors().size());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Acme AI, Inc.      | acme-ai-inc",
            "Zürich Modèles     | zurich-modeles",
            "  --Hello--World-- | hello-world",
            "日本                | provider",
            "A very long organisation name that goes on and on | a-very-long-organisation-name-that-goes",
    })
    void slugsFromOrganisations(String organisation, String slug) {
        assertEquals(slug, ProviderSlugs.fromOrganisation(organisation));
    }

    @Test
    void alternativeSlugs() {
        assertEquals("acme", ProviderSlugs.alternative("acme", 1));
        assertEquals("acme-2", ProviderSlugs.alternative("acme", 2));
    }
}
