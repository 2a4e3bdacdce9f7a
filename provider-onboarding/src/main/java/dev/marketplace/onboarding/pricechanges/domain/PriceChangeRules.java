package dev.marketplace.onboarding.pricechanges.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When a new price set may take effect. A change that raises any price a request could pay (input, output, request,
 * cache read or write, or the tier's prices at any prompt size) needs {@code effective_at} at least the notice period
 * after now, so developers see it coming (7 days by default, {@code MARKET_PRICE_NOTICE_DAYS}). A change that only
 * lowers prices may take effect at once (no {@code effective_at}, or one not after now) or later. A draft listing,
 * which nobody is routed to, changes price directly. A retired listing's prices are final. Only one change per listing
 * may be pending: that rule needs the database and lives in the scheduling service.
 */
public final class PriceChangeRules {
    public static final Duration DEFAULT_NOTICE = Duration.ofDays(7);
    /** How far in the past an {@code effective_at} may lie before it is refused rather than read as "now". */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final Duration notice;

    public PriceChangeRules(Duration notice) {
        if (notice.isNegative()) {
            throw new IllegalArgumentException("the notice period must not be negative: " + notice);
        }
        this.notice = notice;
    }

    public Duration notice() {
        return notice;
    }

    /**
     * @param listingStatus the listing's lifecycle status (draft, pending, live, paused, retired, suspended)
     * @param requestedEffectiveAt when the provider wants it in force, or null for "as soon as allowed"
     */
    public PriceChangePlan plan(String listingStatus, PriceSet current, PriceSet proposed, Instant requestedEffectiveAt,
                                Instant now) {
        if ("retired".equals(listingStatus)) {
            throw new InvalidPriceException("listing_id", "A retired listing's prices cannot change");
        }
        if (proposed.equals(current)) {
            throw new InvalidPriceException("input_price_micros_per_mtok", "The new prices are the listing's current prices");
        }
        boolean raises = raises(current, proposed);
        if ("draft".equals(listingStatus)) {
            return new PriceChangePlan(true, now, raises);
        }
        if (requestedEffectiveAt != null && requestedEffectiveAt.isBefore(now.minus(CLOCK_SKEW))) {
            throw new InvalidPriceException("effective_at", "effective_at lies in the past");
        }
        if (raises) {
            Instant earliest = now.plus(notice);
            if (requestedEffectiveAt == null || requestedEffectiveAt.isBefore(earliest)) {
                throw new InvalidPriceException("effective_at", "This change raises a price, so it needs "
                        + notice.toDays() + " days' notice: effective_at must be at or after " + earliest);
            }
            return new PriceChangePlan(false, requestedEffectiveAt, true);
        }
        if (requestedEffectiveAt == null || !requestedEffectiveAt.isAfter(now)) {
            return new PriceChangePlan(true, now, false);
        }
        return new PriceChangePlan(false, requestedEffectiveAt, false);
    }

    /** Whether any request could pay more under {@code proposed} than under {@code current}. */
    public static boolean raises(PriceSet current, PriceSet proposed) {
        if (proposed.requestMicros() > current.requestMicros()
                || proposed.cacheReadMicrosPerMTok() > current.cacheReadMicrosPerMTok()
                || proposed.cacheWriteMicrosPerMTok() > current.cacheWriteMicrosPerMTok()) {
            return true;
        }
        List<Long> promptSizes = current.breakpoints(proposed);
        for (long size : promptSizes) {
            if (proposed.inputAt(size) > current.inputAt(size) || proposed.outputAt(size) > current.outputAt(size)) {
                return true;
            }
        }
        return false;
    }
}
