package dev.marketplace.api.keys;

import static dev.marketplace.api.keys.JsonValues.time;
import static dev.marketplace.api.keys.JsonValues.text;
import static dev.marketplace.api.keys.JsonValues.usd;
import static dev.marketplace.api.keys.JsonValues.usdOrNull;

import dev.marketplace.keys.application.ManagedKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A key in OpenRouter's provisioning shape. {@code hash} is the key's id as a string (the identifier in
 * {@code /keys/{hash}}); {@code label} is the key's hint; a revoked key stays listed with {@code revoked: true}.
 */
final class KeyJson {
    private KeyJson() {
    }

    static JsonObject of(ManagedKey k) {
        return Json.createObjectBuilder()
                .add("hash", Long.toString(k.id()))
                .add("id", k.id())
                .add("name", k.name())
                .add("label", k.hint())
                .add("disabled", k.disabled())
                .add("revoked", k.revoked())
                .add("limit", usdOrNull(k.limitMicros()))
                .add("limit_remaining", usdOrNull(k.limitRemainingMicros()))
                .add("limit_reset", text(k.limitReset().wireValue()))
                .add("rate_limit_rpm", k.rateLimitRpm() == null ? JsonValue.NULL : Json.createValue(k.rateLimitRpm()))
                .add("usage", usd(k.usage().totalMicros()))
                .add("usage_daily", usd(k.usage().dailyMicros()))
                .add("usage_weekly", usd(k.usage().weeklyMicros()))
                .add("usage_monthly", usd(k.usage().monthlyMicros()))
                .add("created_at", time(k.createdAt()))
                .add("updated_at", time(k.updatedAt()))
                .add("expires_at", time(k.expiresAt()))
                .add("revoked_at", time(k.revokedAt()))
                .build();
    }
}
