package dev.marketplace.ui.developer;

import dev.marketplace.keys.application.ManagedKey;
import dev.marketplace.keys.domain.LimitReset;
import dev.marketplace.ui.shell.Formats;
import java.time.Instant;

/** How a key's state and limit read in the keys grid. */
final class KeyStatus {

    private KeyStatus() {
    }

    static String of(ManagedKey key, Instant now) {
        if (key.revoked()) {
            return "Deleted " + Formats.time(key.revokedAt());
        }
        if (key.expiresAt() != null && !key.expiresAt().isAfter(now)) {
            return "Expired";
        }
        if (key.disabled()) {
            return "Disabled";
        }
        Long remaining = key.limitRemainingMicros();
        return remaining != null && remaining == 0 ? "Limit reached" : "Active";
    }

    static String limit(ManagedKey key) {
        if (key.limitMicros() == null) {
            return "none";
        }
        String amount = Formats.usd(key.limitMicros());
        return key.limitReset() == LimitReset.NONE ? amount : amount + " per " + key.limitReset().periodName();
    }
}
