package dev.marketplace.billing.connect;

import java.time.Instant;

/**
 * A verified event from the Connect endpoint: about the connected account {@code accountId}, created at Stripe at
 * {@code created} (events arrive unordered: compare this, not the arrival), with the raw JSON for handlers that
 * need more. {@code account} is the account's state carried by {@code account.updated} events, otherwise {@code null}.
 */
public record ConnectEvent(String eventId, String type, String accountId, Instant created, String payloadJson,
                           ConnectedAccountStatus account) {

    public static final String ACCOUNT_UPDATED = "account.updated";
}
