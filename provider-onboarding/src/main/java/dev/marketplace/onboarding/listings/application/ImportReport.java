package dev.marketplace.onboarding.listings.application;

import dev.marketplace.onboarding.listings.domain.ItemProblem;
import dev.marketplace.onboarding.listings.domain.ListingProposal;
import java.util.List;

/** What an import did: every draft written ({@code applied}), or nothing and the problems that stopped it. */
public record ImportReport(boolean applied, List<ListingProposal> drafts, List<ItemProblem> problems) {

    static ImportReport refused(List<ItemProblem> problems) {
        return new ImportReport(false, List.of(), List.copyOf(problems));
    }
}
