package dev.marketplace.ui.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/** The opening of a role's area: a greeting, what the area is for, and its parts with whether they exist yet. */
public class LandingContent extends Div {

    /** One part of an area; {@code available} false reads as "not yet available". */
    public record Part(String name, String description, boolean available) {
    }

    public LandingContent(String title, PortalUser user, String purpose, List<Part> parts) {
        UnorderedList list = new UnorderedList();
        for (Part part : parts) {
            Span status = new Span(part.available() ? "" : " (not yet available)");
            status.addClassName("portal-note");
            list.add(new ListItem(new Span(part.name() + ": " + part.description()), status));
        }
        add(new H1(title), new Paragraph("Signed in as " + user.username() + ". " + purpose), list);
    }
}
