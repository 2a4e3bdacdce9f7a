package dev.marketplace.ui.home;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.marketplace.ui.shell.CurrentUser;
import dev.marketplace.ui.shell.MainLayout;
import dev.marketplace.ui.shell.PortalUrls;
import dev.marketplace.ui.shell.PortalUser;
import jakarta.enterprise.context.Dependent;
import java.util.Optional;

/** The public home page. Signing in and signing up are full page loads through {@code /login}. */
@Dependent
@Route(value = "", layout = MainLayout.class)
@PageTitle("Model Marketplace")
public class HomeView extends Div {

    public HomeView() {
        addClassName("portal-page");
        add(new H1("One API key, many models"),
                new Paragraph("Model Marketplace sells access to AI models from many providers through one "
                        + "OpenAI-compatible API. Developers buy credit, issue API keys and pay per token for each "
                        + "call; providers list their models and endpoints and are paid for the traffic they serve."));

        Optional<PortalUser> user = CurrentUser.get();
        if (user.isPresent()) {
            add(new Paragraph("You are signed in as " + user.get().username() + "."),
                    new Anchor(user.get().homePath(), "Go to your page"));
        } else {
            HorizontalLayout actions = new HorizontalLayout(
                    MainLayout.fullPageLink("/login", "Sign in", "home-sign-in"),
                    MainLayout.fullPageLink(PortalUrls.signUp(), "Create account", "home-sign-up"));
            add(actions);
        }

        Pre apiBase = new Pre(PortalUrls.apiBase(PortalUrls.currentOrigin()));
        apiBase.setId("api-base-url");
        apiBase.addClassName("portal-code");
        add(new H2("API"),
                new Paragraph("Point any OpenAI SDK or OpenRouter client at this base URL, with an API key from "
                        + "your developer page as the bearer token:"),
                apiBase);
    }
}
