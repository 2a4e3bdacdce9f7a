package dev.marketplace.billing.reconciliation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Matches two sides' entries per component and join key for one period {@code [start, end)}, without I/O. Each side
 * may hold entries from around the period (the callers read a wider window), so a key whose halves fall on either
 * side of a boundary is told apart from one that is missing. Per key: equal in-period sums match; equal sums over
 * the whole window are {@link DifferenceClass#TIMING}; a side with no entry at all is missing; otherwise the amounts
 * differ. A key with nothing inside the period belongs to another period and is skipped.
 */
public final class Matcher {

    static final int MAX_REFS_LENGTH = 2000;

    /** Which classes a missing side maps to: Stripe vs ledger, or usage records vs usage journals. */
    public enum Sides {
        STRIPE_LEDGER(DifferenceClass.MISSING_IN_LEDGER, DifferenceClass.MISSING_AT_STRIPE),
        USAGE_LEDGER(DifferenceClass.USAGE_WITHOUT_JOURNAL, DifferenceClass.JOURNAL_WITHOUT_USAGE);

        final DifferenceClass ledgerMissing;
        final DifferenceClass otherMissing;

        Sides(DifferenceClass ledgerMissing, DifferenceClass otherMissing) {
            this.ledgerMissing = ledgerMissing;
            this.otherMissing = otherMissing;
        }
    }

    private final Instant start;
    private final Instant end;

    public Matcher(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("period end must be after its start");
        }
        this.start = start;
        this.end = end;
    }

    /** Sums of one side for one key. */
    private static final class Side {
        long inMicros;
        long totalMicros;
        int inCount;
        int count;
        String hint;
        final Set<String> refs = new LinkedHashSet<>();
    }

    private static final class Pair {
        final Side other = new Side();
        final Side ledger = new Side();
    }

    public List<Found> match(Sides sides, List<Entry> other, List<Entry> ledger) {
        Map<String, Pair> byKey = new HashMap<>();
        add(byKey, other, true);
        add(byKey, ledger, false);
        List<Found> found = new ArrayList<>();
        // sorted so results (and the rows they become) come out in one stable order
        for (Map.Entry<String, Pair> keyed : new TreeMap<>(byKey).entrySet()) {
            Pair pair = keyed.getValue();
            DifferenceClass cls = classify(sides, pair.other, pair.ledger);
            if (cls != null) {
                String[] parts = keyed.getKey().split("\u0000", 2);
                Component component = Component.fromDb(parts[0]);
                boolean usage = sides == Sides.USAGE_LEDGER;
                found.add(new Found(cls, component, parts[1], usage ? 0 : pair.other.inMicros, pair.ledger.inMicros,
                        usage ? pair.other.inMicros : 0, refs(pair.other.refs), refs(pair.ledger.refs),
                        pair.other.hint != null ? pair.other.hint : pair.ledger.hint));
            }
        }
        return found;
    }

    private void add(Map<String, Pair> byKey, List<Entry> entries, boolean otherSide) {
        for (Entry e : entries) {
            Pair pair = byKey.computeIfAbsent(e.component().dbValue() + "\u0000" + e.joinKey(), k -> new Pair());
            Side side = otherSide ? pair.other : pair.ledger;
            boolean inside = !e.at().isBefore(start) && e.at().isBefore(end);
            side.totalMicros = Math.addExact(side.totalMicros, e.amountMicros());
            side.count++;
            if (inside) {
                side.inMicros = Math.addExact(side.inMicros, e.amountMicros());
                side.inCount++;
            }
            if (side.hint == null) {
                side.hint = e.hintAccount();
            }
            side.refs.add(e.ref());
        }
    }

    private static DifferenceClass classify(Sides sides, Side other, Side ledger) {
        if (other.inCount == 0 && ledger.inCount == 0) {
            return null; // another period's business
        }
        if (other.inMicros == ledger.inMicros) {
            return null;
        }
        if (other.totalMicros == ledger.totalMicros) {
            return DifferenceClass.TIMING;
        }
        if (ledger.count == 0) {
            return sides.ledgerMissing;
        }
        if (other.count == 0) {
            return sides.otherMissing;
        }
        return DifferenceClass.AMOUNT_DIFFERS;
    }

    private static String refs(Set<String> refs) {
        String joined = String.join(" ", refs);
        return joined.length() <= MAX_REFS_LENGTH ? joined : joined.substring(0, MAX_REFS_LENGTH - 1) + "…";
    }
}
