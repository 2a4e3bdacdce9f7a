package dev.marketplace.onboarding.audit;

import java.time.Instant;

/** One recorded action: {@code actor} (a username) did {@code action} to {@code target} (kind:id), for {@code reason}. */
public record AuditEntry(long id, String actor, String action, String target, String reason, Instant at) {
}
