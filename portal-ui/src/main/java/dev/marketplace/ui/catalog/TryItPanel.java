package dev.marketplace.ui.catalog;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.marketplace.developers.application.DeveloperAccounts;
import dev.marketplace.gateway.domain.GatewayException;
import dev.marketplace.tryit.TryIt;
import dev.marketplace.tryit.TryItAnswer;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUrls;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.ReturnPath;
import java.util.Optional;

/**
 * "Try it": a signed-in developer sends one prompt to the model through the real gateway and pays for it like any
 * call (the cost is shown); anyone else gets a link to sign in and come back to this page.
 */
class TryItPanel extends Div {

    TryItPanel(String modelSlug, Optional<PortalUser> user, TryIt tryIt, DeveloperAccounts accounts) {
        setId("try-it");
        add(new H2("Try it"));
        if (user.isEmpty()) {
            // the sign-in round trip through Keycloak keeps the session, not the query: remember where to come back
            VaadinSession.getCurrent().getSession().setAttribute(ReturnPath.SESSION_ATTRIBUTE, "/models/" + modelSlug);
            add(new Paragraph("Sign in to send a prompt to " + modelSlug + "; it is billed to your credit like any call."),
                    MainLayout.fullPageLink(PortalUrls.login("/models/" + modelSlug), "Sign in to try it", "try-it-sign-in"));
            return;
        }
        if (!user.get().hasRole(PortalUser.DEVELOPER)) {
            add(new Paragraph("Trying a model needs the developer role and credit."));
            return;
        }
        TextArea prompt = new TextArea("Prompt");
        prompt.setId("try-it-prompt");
        prompt.setWidthFull();
        prompt.setMaxLength(TryIt.MAX_PROMPT_CHARS);
        prompt.setValueChangeMode(ValueChangeMode.EAGER); // Send may be pressed (or Ctrl+Enter'd) without leaving the field
        prompt.setHelperText("Ctrl+Enter sends. One message, answered in at most " + TryIt.MAX_TOKENS + " tokens, billed to your credit "
                + "under your key \u201c" + TryIt.KEY_NAME + "\u201d.");
        Pre answer = new Pre();
        answer.setId("try-it-answer");
        answer.addClassName("portal-code");
        answer.setVisible(false);
        Paragraph receipt = new Paragraph();
        receipt.setId("try-it-receipt");
        Button send = new Button("Send");
        send.setId("try-it-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(prompt);
        send.setDisableOnClick(true); // one call per click; Vaadin's loading bar shows while the model answers
        send.addClickListener(click -> {
            try {
                long developerId = accounts.ensure(user.get().username(), user.get().email());
                TryItAnswer a = tryIt.ask(developerId, modelSlug, prompt.getValue());
                prompt.setInvalid(false);
                answer.setText(a.text());
                answer.setVisible(true);
                receipt.setText("Served by " + a.provider() + " \u00b7 " + a.promptTokens() + " prompt + "
                        + a.completionTokens() + " completion tokens \u00b7 cost " + Formats.usd(a.costMicros())
                        + " \u00b7 " + a.generationId());
                receipt.getElement().setAttribute("data-cost-micros", String.valueOf(a.costMicros()));
                receipt.getElement().setAttribute("data-generation", a.generationId());
            } catch (GatewayException e) {
                prompt.setErrorMessage(e.getMessage());
                prompt.setInvalid(true);
            } finally {
                send.setEnabled(true);
            }
        });
        add(prompt, send, answer, receipt);
    }
}
