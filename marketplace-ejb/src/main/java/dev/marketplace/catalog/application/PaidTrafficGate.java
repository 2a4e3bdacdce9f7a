package dev.marketplace.catalog.application;

import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * No paid traffic to a provider that cannot be paid: the providers whose live listings may be routed are those the
 * platform operates, those exempt from Connect ({@code provider.payouts_exempt}) and those whose Connect account has
 * the {@code transfers} capability active. Read with the rest of the snapshot, so a capability change reaches
 * every node with the next catalog rebuild (the payout account table bumps {@code catalog_version}).
 */
final class PaidTrafficGate {

    static final String PAYABLE_PROVIDERS = """
            select p.id from provider p
             where p.platform_operated or p.payouts_exempt
                or exists (select 1 from provider_payout_account a
                            where a.provider_id = p.id and a.transfers_capability = 'active')""";

    private PaidTrafficGate() {
    }

    static Set<Long> payableProviders(EntityManager em) {
        List<?> ids = em.createNativeQuery(PAYABLE_PROVIDERS).getResultList();
        Set<Long> out = new HashSet<>();
        for (Object id : ids) {
            out.add(((Number) id).longValue());
        }
        return out;
    }
}
