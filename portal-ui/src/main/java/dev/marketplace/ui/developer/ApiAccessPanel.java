package dev.marketplace.ui.developer;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import dev.marketplace.ui.shell.PortalUrls;

/** Where the API is and a first call to try, so a new developer gets from key to response in one paste. */
class ApiAccessPanel extends Div {

    ApiAccessPanel(String origin) {
        String apiBase = PortalUrls.apiBase(origin);
        Pre base = new Pre(apiBase);
        base.setId("api-base-url");
        base.addClassName("portal-code");
        Pre curl = new Pre(ApiSnippets.curl(apiBase));
        curl.setId("curl-example");
        curl.addClassName("portal-code");
        add(new H2("Calling the API"),
                new Paragraph("Base URL (OpenAI-compatible):"), base,
                new Paragraph("Try it with a key from below in MARKETPLACE_API_KEY:"), curl);
    }
}
