package dev.marketplace.ui.provider;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.marketplace.onboarding.signup.application.ApplicationException;
import dev.marketplace.onboarding.signup.domain.ApplicationForm;
import dev.marketplace.ui.shell.FieldErrors;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** The provider application form: fields, the terms checkbox, validation shown beside each field. */
class ApplicationFormPanel extends Div {

    private final TextField organisation = new TextField("Organisation");
    private final TextField contactName = new TextField("Contact name");
    private final EmailField contactEmail = new EmailField("Contact e-mail");
    private final TextField website = new TextField("Website");
    private final ComboBox<String> country = new ComboBox<>("Country");
    private final Checkbox terms = new Checkbox("I accept the provider terms (version " + ApplicationForm.TERMS_VERSION
            + "): prices I publish are charged to developers, the platform keeps its take rate, and my endpoints may be "
            + "verified and suspended.");
    private final Paragraph message = new Paragraph();
    private final Map<String, HasValidation> fields;

    /** @param submit applies with the form; throws {@link ApplicationException} to show what is wrong */
    ApplicationFormPanel(Consumer<ApplicationForm> submit) {
        organisation.setId("apply-organisation");
        contactName.setId("apply-contact-name");
        contactEmail.setId("apply-contact-email");
        website.setId("apply-website");
        website.setPlaceholder("https://");
        country.setId("apply-country");
        country.setItems(Arrays.stream(Locale.getISOCountries()).sorted().toList());
        country.setItemLabelGenerator(code -> code + " · " + new Locale("", code).getDisplayCountry(Locale.ENGLISH));
        terms.setId("apply-terms");
        message.setId("apply-message");
        fields = Map.of("organisation", organisation, "contactName", contactName, "contactEmail", contactEmail,
                "website", website, "country", country);
        Button apply = new Button("Apply to become a provider", click -> submit(submit));
        apply.setId("apply-submit");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout layout = new FormLayout(organisation, contactName, contactEmail, website, country);
        add(layout, terms, message, apply);
    }

    private void submit(Consumer<ApplicationForm> submit) {
        FieldErrors.clear(fields, message);
        ApplicationForm form = new ApplicationForm(organisation.getValue(), contactName.getValue(), contactEmail.getValue(),
                website.getValue(), country.getValue(), terms.getValue());
        try {
            submit.accept(form);
        } catch (ApplicationException e) {
            show(e);
        }
    }

    private void show(ApplicationException e) {
        FieldErrors.show(fields, message, e.getMessage(), e.fieldErrors());
    }
}
