package dev.marketplace.onboarding.payouts.application;

import dev.marketplace.billing.connect.ConnectedAccountStatus;
import dev.marketplace.billing.connect.ConnectedAccounts;
import dev.marketplace.billing.connect.OnboardingLink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stripe Connect in memory: idempotent account creation by key (as Stripe), numbered links, settable states. */
final class FakeConnectedAccounts implements ConnectedAccounts {

    final List<String> createCalls = new ArrayList<>();
    final Map<String, ConnectedAccountStatus> states = new HashMap<>();
    private final Map<String, String> byKey = new HashMap<>();
    private int links;

    @Override
    public synchronized String createExpressAccount(String country, String email, Map<String, String> metadata,
                                                    String idempotencyKey) {
        createCalls.add(idempotencyKey + " " + country + " " + metadata.get("provider_id"));
        return byKey.computeIfAbsent(idempotencyKey, k -> "acct_fake" + (byKey.size() + 1));
    }

    @Override
    public synchronized OnboardingLink createOnboardingLink(String accountId, String refreshUrl, String returnUrl) {
        return new OnboardingLink("https://connect.test/" + accountId + "/" + (++links), Instant.now().plusSeconds(300));
    }

    @Override
    public synchronized ConnectedAccountStatus retrieve(String accountId) {
        return states.get(accountId);
    }
}
