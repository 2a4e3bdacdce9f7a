package dev.marketplace.ui.admin;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.marketplace.onboarding.registry.application.RegistryException;
import dev.marketplace.onboarding.registry.application.RegistryModel;
import dev.marketplace.onboarding.registry.domain.ModelForm;
import dev.marketplace.ui.shell.FieldErrors;
import java.util.HashSet;
import java.util.Map;

/** The registry model form, for a new model or an edit (the slug is fixed once created); errors beside fields. */
class ModelFormPanel extends Div {

    /** Save callback: the id edited (null: new) and the form; throws RegistryException to refuse. */
    interface SaveAction {
        String save(Long editing, ModelForm form);
    }

    private final H2 title = new H2();
    private final TextField slug = new TextField("Slug (author/model)");
    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final CheckboxGroup<String> input = new CheckboxGroup<>("Input modalities");
    private final CheckboxGroup<String> output = new CheckboxGroup<>("Output modalities");
    private final IntegerField contextLength = new IntegerField("Context length (tokens)");
    private final IntegerField maxOutput = new IntegerField("Max output (tokens)");
    private final Paragraph message = new Paragraph();
    private final Map<String, HasValidation> fields;
    private Long editing;

    ModelFormPanel(SaveAction save) {
        slug.setId("model-slug");
        name.setId("model-name");
        description.setId("model-description");
        input.setId("model-input");
        output.setId("model-output");
        input.setItems("text", "image", "file", "audio", "video");
        output.setItems("text", "image", "file", "audio", "video");
        contextLength.setId("model-context");
        maxOutput.setId("model-max-output");
        message.setId("model-message");
        fields = Map.of("slug", slug, "name", name, "description", description, "inputModalities", input,
                "outputModalities", output, "contextLength", contextLength, "maxOutputTokens", maxOutput);
        Button submit = new Button("Save model", click -> submit(save));
        submit.setId("model-save");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button fresh = new Button("New model instead", click -> clear());
        add(title, new FormLayout(slug, name, description, input, output, contextLength, maxOutput), message,
                new HorizontalLayout(submit, fresh));
        clear();
    }

    void clear() {
        editing = null;
        title.setText("Add a model to the registry");
        slug.setReadOnly(false);
        slug.clear();
        name.clear();
        description.clear();
        input.setValue(java.util.Set.of("text"));
        output.setValue(java.util.Set.of("text"));
        contextLength.clear();
        maxOutput.clear();
        FieldErrors.clear(fields, message);
    }

    void edit(RegistryModel model) {
        clear();
        editing = model.id();
        title.setText("Edit " + model.slug());
        slug.setValue(model.slug());
        slug.setReadOnly(true);
        name.setValue(model.name());
        description.setValue(model.description());
        input.setValue(new HashSet<>(model.inputModalities()));
        output.setValue(new HashSet<>(model.outputModalities()));
        contextLength.setValue(model.contextLength());
        maxOutput.setValue(model.maxOutputTokens());
        name.focus();
    }

    private void submit(SaveAction save) {
        FieldErrors.clear(fields, message);
        ModelForm form = new ModelForm(slug.getValue(), name.getValue(), description.getValue(), input.getValue(),
                output.getValue(), contextLength.getValue(), maxOutput.getValue());
        try {
            String done = save.save(editing, form);
            clear();
            message.setText(done);
        } catch (RegistryException e) {
            FieldErrors.show(fields, message, e.getMessage(), e.fieldErrors());
        }
    }
}
