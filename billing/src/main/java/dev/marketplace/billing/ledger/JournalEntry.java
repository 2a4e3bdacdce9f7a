package dev.marketplace.billing.ledger;

import java.util.List;

/**
 * A balanced set of postings written once under its idempotency key. {@code kind} names the flow
 * ("usage", "grant", "purchase", ...); {@code externalRef} is an outside object id (e.g. a Stripe id).
 */
public record JournalEntry(String idempotencyKey, String kind, String memo, String externalRef,
                           List<Posting> postings) {

    public static final int MAX_KEY_LENGTH = 255;
    public static final int MAX_KIND_LENGTH = 64;
    public static final int MAX_MEMO_LENGTH = 1000;
    public static final int MAX_POSTINGS = 100;

    public JournalEntry {
        requireText("idempotencyKey", idempotencyKey, MAX_KEY_LENGTH);
        requireText("kind", kind, MAX_KIND_LENGTH);
        if (memo != null && memo.length() > MAX_MEMO_LENGTH) {
            throw new IllegalArgumentException("memo longer than " + MAX_MEMO_LENGTH + " characters");
        }
        if (externalRef != null) {
            requireText("externalRef", externalRef, MAX_KEY_LENGTH);
        }
        postings = List.copyOf(postings);
        if (postings.size() < 2 || postings.size() > MAX_POSTINGS) {
            throw new IllegalArgumentException("a journal needs 2.." + MAX_POSTINGS + " postings, got "
                    + postings.size() + " in " + idempotencyKey);
        }
        long sumMicros = 0;
        for (Posting posting : postings) {
            sumMicros = Math.addExact(sumMicros, posting.amountMicros());
        }
        if (sumMicros != 0) {
            throw new IllegalArgumentException("unbalanced journal " + idempotencyKey + ": postings sum to "
                    + sumMicros + " micros");
        }
    }

    private static void requireText(String name, String value, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be 1.." + maxLength + " non-blank characters: "
                    + value);
        }
    }
}
