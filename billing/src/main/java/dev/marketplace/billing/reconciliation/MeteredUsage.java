package dev.marketplace.billing.reconciliation;

import java.time.Instant;
import java.util.function.Consumer;

/** Port to the usage records metering keeps (outside billing): the charged ones, by creation time. */
public interface MeteredUsage {

    /** Hands every usage record created in {@code [from, to)} with a cost above zero to {@code sink}. */
    void forEachCharged(Instant from, Instant to, Consumer<UsageLine> sink);
}
