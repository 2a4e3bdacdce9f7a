package dev.marketplace.billing.ledger;

/**
 * One line of a journal: a signed, non-zero amount on one account (positive increases the account's
 * balance, negative decreases it).
 */
public record Posting(String accountCode, long amountMicros) {

    public static final int MAX_ACCOUNT_CODE_LENGTH = 200;

    public Posting {
        if (accountCode == null || accountCode.isBlank() || accountCode.length() > MAX_ACCOUNT_CODE_LENGTH) {
            throw new IllegalArgumentException("account code must be 1.." + MAX_ACCOUNT_CODE_LENGTH
                    + " non-blank characters: " + accountCode);
        }
        if (amountMicros == 0) {
            throw new IllegalArgumentException("zero posting on " + accountCode + ": omit it");
        }
    }
}
