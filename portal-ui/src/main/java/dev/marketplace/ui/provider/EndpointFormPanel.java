package dev.marketplace.ui.provider;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.marketplace.onboarding.endpoints.application.EndpointException;
import dev.marketplace.onboarding.endpoints.application.EndpointSummary;
import dev.marketplace.onboarding.endpoints.domain.EndpointForm;
import dev.marketplace.ui.shell.FieldErrors;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The endpoint form, for a new endpoint or an edit of one: errors beside their fields; the key field is always
 * empty (a stored key is never shown again, only its hint), and on an edit an empty key keeps the stored one.
 */
class EndpointFormPanel extends Div {

    private final H2 title = new H2();
    private final TextField name = new TextField("Name");
    private final TextField baseUrl = new TextField("Base URL");
    private final Select<String> protocol = new Select<>();
    private final PasswordField apiKey = new PasswordField("Upstream API key");
    private final IntegerField maxConcurrency = new IntegerField("Max concurrency (empty: no limit)");
    private final IntegerField maxRequestsPerMinute = new IntegerField("Requests per minute (empty: no limit)");
    private final Select<String> dataRetention = new Select<>();
    private final IntegerField timeoutMs = new IntegerField("Timeout (ms)");
    private final TextField listModelsUrl = new TextField("List Models URL (optional)");
    private final Paragraph message = new Paragraph();
    private final Map<String, HasValidation> fields;
    private Long editing;

    /** @param save gets the form and the id being edited (null: a new endpoint); throws EndpointException to refuse */
    EndpointFormPanel(SaveAction save) {
        name.setId("endpoint-name");
        baseUrl.setId("endpoint-base-url");
        baseUrl.setPlaceholder("https://api.example.com/v1");
        protocol.setLabel("Protocol");
        protocol.setId("endpoint-protocol");
        protocol.setItems("openai", "anthropic");
        protocol.setItemLabelGenerator(id -> id.equals("openai") ? "OpenAI-compatible" : "Anthropic");
        apiKey.setId("endpoint-api-key");
        maxConcurrency.setId("endpoint-max-concurrency");
        maxRequestsPerMinute.setId("endpoint-max-rpm");
        dataRetention.setLabel("Data retention");
        dataRetention.setId("endpoint-retention");
        dataRetention.setItems("none", "logs_prompts");
        dataRetention.setItemLabelGenerator(id -> id.equals("none") ? "None: prompts are not kept" : "Logs prompts");
        timeoutMs.setId("endpoint-timeout");
        listModelsUrl.setId("endpoint-list-models-url");
        listModelsUrl.setPlaceholder("https://api.example.com/v1/models");
        message.setId("endpoint-message");
        fields = Map.of("name", name, "baseUrl", baseUrl, "protocol", protocol, "apiKey", apiKey,
                "maxConcurrency", maxConcurrency, "maxRequestsPerMinute", maxRequestsPerMinute,
                "dataRetention", dataRetention, "timeoutMs", timeoutMs, "listModelsUrl", listModelsUrl);
        Button submit = new Button("Save endpoint", click -> submit(save));
        submit.setId("endpoint-save");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("New endpoint instead", click -> clear());
        cancel.setId("endpoint-new");
        FormLayout layout = new FormLayout(name, baseUrl, protocol, apiKey, maxConcurrency, maxRequestsPerMinute,
                dataRetention, timeoutMs, listModelsUrl);
        add(title, layout, message, new HorizontalLayout(submit, cancel));
        clear();
    }

    /** Save callback. */
    interface SaveAction {
        String save(Long editing, EndpointForm form);
    }

    void clear() {
        editing = null;
        title.setText("Register an endpoint");
        name.clear();
        baseUrl.clear();
        protocol.setValue("openai");
        apiKey.clear();
        apiKey.setHelperText("Stored encrypted; never shown again");
        maxConcurrency.clear();
        maxRequestsPerMinute.clear();
        dataRetention.setValue("none");
        timeoutMs.setValue(60_000);
        listModelsUrl.clear();
        FieldErrors.clear(fields, message);
    }

    void edit(EndpointSummary endpoint) {
        clear();
        editing = endpoint.id();
        title.setText("Edit endpoint " + endpoint.name());
        name.setValue(endpoint.name());
        baseUrl.setValue(endpoint.baseUrl());
        protocol.setValue(endpoint.protocol());
        apiKey.setHelperText("Stored key " + (endpoint.apiKeyHint() == null ? "(none)" : endpoint.apiKeyHint())
                + ": leave empty to keep it, type a new one to replace it");
        maxConcurrency.setValue(endpoint.maxConcurrency());
        maxRequestsPerMinute.setValue(endpoint.maxRequestsPerMinute());
        dataRetention.setValue(endpoint.dataRetention().equals("logs_prompts") ? "logs_prompts" : "none");
        timeoutMs.setValue(endpoint.timeoutMs());
        listModelsUrl.setValue(endpoint.listModelsUrl() == null ? "" : endpoint.listModelsUrl());
        name.focus();
    }

    private void submit(SaveAction save) {
        FieldErrors.clear(fields, message);
        EndpointForm form = new EndpointForm(name.getValue(), baseUrl.getValue(), protocol.getValue(), apiKey.getValue(),
                maxConcurrency.getValue(), maxRequestsPerMinute.getValue(), dataRetention.getValue(), timeoutMs.getValue(),
                listModelsUrl.getValue());
        try {
            String done = save.save(editing, form);
            clear();
            message.setText(done);
        } catch (EndpointException e) {
            FieldErrors.show(fields, message, e.getMessage(), e.fieldErrors());
        }
    }
}
