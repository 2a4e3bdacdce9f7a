package dev.marketplace.ui.developer;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import dev.marketplace.keys.application.ApiKeyService;
import dev.marketplace.keys.application.CreatedKey;
import dev.marketplace.keys.domain.InvalidKeySettingException;
import dev.marketplace.keys.domain.KeyRules;
import dev.marketplace.keys.domain.LimitReset;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The new-key form: name, an optional credit limit in USD with its reset period, an optional expiry day. Enter in
 * any field submits; each field shows its own error; the key rules are the application service's, as for the
 * management API.
 */
class NewKeyForm extends Div {

    private final ApiKeyService keys;
    private final long developerId;
    private final Consumer<CreatedKey> onCreated;
    private final TextField name = new TextField("Name");
    private final TextField limit = new TextField("Credit limit (USD)");
    private final RadioButtonGroup<LimitReset> reset = new RadioButtonGroup<>("Limit resets");
    private final DatePicker expires = IsoDates.picker("Expires after (UTC day)");

    NewKeyForm(ApiKeyService keys, long developerId, Consumer<CreatedKey> onCreated) {
        this.keys = keys;
        this.developerId = developerId;
        this.onCreated = onCreated;

        name.setId("new-key-name");
        name.setPlaceholder("e.g. my-laptop");
        name.setMaxLength(KeyRules.MAX_NAME_LENGTH);
        limit.setId("new-key-limit");
        limit.setPlaceholder("no limit");
        limit.setHelperText("Empty: no limit");
        reset.setId("new-key-reset");
        reset.setItems(LimitReset.values());
        reset.setItemLabelGenerator(r -> r == LimitReset.NONE ? "Never" : capitalized(r.name()));
        reset.setValue(LimitReset.NONE);
        expires.setId("new-key-expires");
        expires.setHelperText("Empty: never expires");
        expires.setMin(today());
        for (HasValidation field : new HasValidation[] {name, limit, expires}) {
            field.setManualValidation(true);
        }
        name.addValueChangeListener(e -> name.setInvalid(false));
        limit.addValueChangeListener(e -> limit.setInvalid(false));
        expires.addValueChangeListener(e -> expires.setInvalid(false));

        Button create = new Button("Create key", e -> create());
        create.setId("new-key-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // the reset makes the focused field send its value before the shortcut's click
        create.addClickShortcut(Key.ENTER).listenOn(this).resetFocusOnActiveElement();

        Div form = new Div(name, limit, reset, expires, create);
        form.addClassName("portal-form");
        add(new H2("Create a key"), form);
    }

    private void create() {
        KeyFormInput.Result input = KeyFormInput.parse(name.getValue(), limit.getValue(), reset.getValue(),
                expires.getValue(), today());
        if (!input.valid()) {
            show(input.errors());
            return;
        }
        try {
            CreatedKey created = keys.create(developerId, input.request());
            name.clear();
            limit.clear();
            reset.setValue(LimitReset.NONE);
            expires.clear();
            onCreated.accept(created);
        } catch (InvalidKeySettingException refused) {
            show(Map.of(KeyFormInput.fieldOf(refused.param()), refused.getMessage()));
        }
    }

    private void show(Map<String, String> errors) {
        errors.forEach((field, message) -> {
            switch (field) {
                case KeyFormInput.LIMIT -> invalid(limit, message);
                case KeyFormInput.EXPIRES -> {
                    expires.setErrorMessage(message);
                    expires.setInvalid(true);
                }
                default -> invalid(name, message);
            }
        });
    }

    private static void invalid(TextField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String capitalized(String word) {
        return word.charAt(0) + word.substring(1).toLowerCase();
    }
}
