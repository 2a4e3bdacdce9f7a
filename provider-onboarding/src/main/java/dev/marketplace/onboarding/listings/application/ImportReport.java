package dev.marketplace.onboarding.listings.application;

import dev.marketplace.onboarding.listings.domain.ItemProblem;
import dev.marketplace.onboarding.listings.domain.ListingProposal;
import java.util.List;

/**
 * What an import did: every item written ({@code applied}) — draft listings created or updated, new models proposed
 * to the registry, and listings already past draft that were left as they are (their prices change through
 * scheduled price changes) — or nothing, and the problems that stopped it.
 */
public record ImportReport(boolean applied, List<ListingProposal> items, int created, int updated,
                           List<String> proposedModels, List<String> keptAsIs, List<ItemProblem> problems) {

    static ImportReport refused(List<ItemProblem> problems) {
        return new ImportReport(false, List.of(), 0, 0, List.of(), List.of(), List.copyOf(problems));
    }
}
