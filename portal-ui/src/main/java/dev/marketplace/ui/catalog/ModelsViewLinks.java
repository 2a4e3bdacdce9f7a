package dev.marketplace.ui.catalog;

import com.vaadin.flow.component.html.Anchor;
import dev.marketplace.catalog.browse.RankedModel;

/** Links to a model's page from lists other than the models list. */
final class ModelsViewLinks {

    private ModelsViewLinks() {
    }

    static Anchor model(RankedModel r) {
        Anchor link = new Anchor("/models/" + r.slug(), r.name() + " (" + r.slug() + ")");
        link.getElement().setAttribute("data-model", r.slug());
        return link;
    }
}
