package dev.marketplace.ui.provider;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.onboarding.providerapi.application.ProviderApiException;
import dev.marketplace.onboarding.providerapi.application.ProviderMembers;
import dev.marketplace.onboarding.tokens.application.IssuedToken;
import dev.marketplace.onboarding.tokens.application.ProviderToken;
import dev.marketplace.onboarding.tokens.application.ProviderTokens;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.RoleGate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A provider member creates and revokes the provider's API tokens ({@code pk-mk-v1-…}) for the provider API: the
 * secret is shown once, in a dialog; the list shows name, hint, who created it, last use and revocation.
 */
@Dependent
@Route(value = "provider/tokens", layout = MainLayout.class)
@PageTitle("Provider tokens · Model Marketplace")
public class ProviderTokensView extends Div implements BeforeEnterObserver {
    private final ProviderTokens tokens;
    private final ProviderMembers members;
    private final Grid<ProviderToken> grid = new Grid<>(ProviderToken.class, false);

    @Inject
    public ProviderTokensView(ProviderTokens tokens, ProviderMembers members) {
        this.tokens = tokens;
        this.members = members;
        addClassName("portal-page");
        grid.setId("provider-tokens");
        grid.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RoleGate.admit(event, PortalUser.PROVIDER, this).ifPresent(this::build);
    }

    private void build(PortalUser user) {
        add(new H1("Provider tokens"));
        Optional<Long> provider = members.providerOf(user.username());
        if (provider.isEmpty()) {
            add(new Paragraph("Your account does not act for a provider yet: apply at /provider/apply."));
            return;
        }
        long providerId = provider.get();
        TextField name = new TextField("Token name");
        name.setId("token-name");
        name.setPlaceholder("ci-deploys");
        name.setMaxLength(100);
        Button create = new Button("Create token", click -> create(providerId, user.username(), name));
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        HorizontalLayout form = new HorizontalLayout(name, create);
        form.setAlignItems(HorizontalLayout.Alignment.BASELINE);

        grid.addColumn(ProviderToken::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(ProviderToken::hint).setHeader("Token").setAutoWidth(true);
        grid.addColumn(ProviderToken::createdBy).setHeader("Created by").setAutoWidth(true);
        grid.addColumn(t -> Formats.time(t.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : Formats.time(t.lastUsedAt())).setHeader("Last used").setAutoWidth(true);
        grid.addColumn(t -> t.active() ? "active" : "revoked " + Formats.time(t.revokedAt()) + " by " + t.revokedBy())
                .setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(t -> revokeButton(providerId, user.username(), t)).setHeader("");
        add(new Paragraph("A provider token lets your automation call the provider API (/api/provider/v1, documented at "
                + "/api/openapi) for this provider only. It cannot call models. The secret is shown once."), form,
                new H2("Tokens"), grid);
        refresh(providerId);
    }

    private void create(long providerId, String username, TextField name) {
        try {
            IssuedToken issued = tokens.issue(providerId, username, name.getValue());
            name.clear();
            name.setInvalid(false);
            refresh(providerId);
            shownOnce(issued);
        } catch (ProviderApiException e) {
            name.setErrorMessage(e.getMessage());
            name.setInvalid(true);
        }
    }

    private Button revokeButton(long providerId, String username, ProviderToken token) {
        Button revoke = new Button("Revoke", click -> {
            tokens.revoke(providerId, username, token.id());
            refresh(providerId);
        });
        revoke.setId("token-revoke-" + token.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        revoke.setEnabled(token.active());
        return revoke;
    }

    private void shownOnce(IssuedToken issued) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Token \u201c" + issued.token().name() + "\u201d created");
        dialog.setCloseOnOutsideClick(false);
        TextField secret = new TextField("Secret token");
        secret.setId("new-token-secret");
        secret.setValue(issued.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        dialog.add(secret, new Paragraph("Copy it now: it won't be shown again (only its hash is stored). Use it as "
                + "'Authorization: Bearer " + issued.token().hint() + "'."));
        Button done = new Button("Done", click -> dialog.close());
        done.setId("new-token-close");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.setWidth("44rem");
        add(dialog);
        dialog.open();
    }

    private void refresh(long providerId) {
        grid.setItems(tokens.list(providerId));
    }
}
