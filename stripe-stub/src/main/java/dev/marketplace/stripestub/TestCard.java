package dev.marketplace.stripestub;

import java.util.Locale;

/**
 * The behaviour of a card saved through the stub, named after Stripe's test cards: it decides what an
 * off-session payment with it does later.
 */
enum TestCard {
    /** 4242 4242 4242 4242: payments succeed. */
    SUCCEED("4242", "Succeeds"),
    /** 4000 0000 0000 0341: attaches to a customer, but payments are declined (card_declined). */
    DECLINE("0341", "Declines later"),
    /** 4000 0027 6000 3184: every payment needs authentication (requires_action). */
    ACTION("3184", "Needs authentication");

    final String last4;
    final String label;

    TestCard(String last4, String label) {
        this.last4 = last4;
        this.label = label;
    }

    String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TestCard fromParam(String value) {
        if (value == null || value.isBlank()) {
            return SUCCEED;
        }
        for (TestCard card : values()) {
            if (card.param().equals(value) || card.last4.equals(value)) {
                return card;
            }
        }
        throw StripeError.invalid("Unknown test card " + value + " (succeed, decline or action)", "card");
    }

    static TestCard ofLast4(Object last4) {
        for (TestCard card : values()) {
            if (card.last4.equals(last4)) {
                return card;
            }
        }
        return SUCCEED;
    }
}
