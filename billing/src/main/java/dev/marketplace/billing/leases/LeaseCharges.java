package dev.marketplace.billing.leases;

import dev.marketplace.billing.charges.ChargeWriter;
import dev.marketplace.billing.charges.UsageCharge;
import dev.marketplace.billing.jdbc.StatementPrefix;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.money.FeeSplit;
import dev.marketplace.billing.money.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Settles the charges of calls served from leases, on the caller's connection, in one database call
 * ({@code ledger_settle_leased_charges}, migration V2026.11.27.1; decision 0019): each new charge (its journal key
 * not yet posted) shrinks its lease by its gross, which the lease had reserved, so the account's available balance
 * does not move; and its journal is posted as {@link dev.marketplace.billing.charges.BatchChargeWriter} posts one.
 * The call's hold was only ever in the node's memory and stays in its usage record ({@code hold_micros}): no hold
 * row. A charge whose lease is no longer open (returned after its node stopped renewing it) or too small must be covered by the account's available balance instead, else the call fails with
 * {@link UncoveredChargeException} and nothing is written: a charge never lands uncovered.
 */
public final class LeaseCharges {
    private static final String SETTLE = "SELECT ledger_settle_leased_charges("
            + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], "
            + "?::text[])";
    /** A batch of one charge: {@code ledger_settle_one_leased_charge}, the same rules in fewer statements (decision 0022). */
    private static final String SETTLE_ONE = "SELECT ledger_settle_one_leased_charge("
            + "?::text, ?::text, ?::text, ?::text, ?::text, ?::bigint, ?::bigint, ?::bigint, ?::text)";
    /** The function's SQLSTATE for a charge that neither its lease nor the available balance covers. */
    static final String UNCOVERED = "MKU01";

    /** @return the split of every charge, in order (also for charges already settled under their key) */
    public List<FeeSplit> settleAll(Connection c, List<LeasedCharge> charges) throws SQLException {
        return settleAll(c, charges, StatementPrefix.NONE);
    }

    /**
     * The same, in one statement with the caller's {@code WITH} clause (its writes and the settlement stand or fall
     * together; in autocommit mode that statement is the whole transaction: one round trip).
     */
    public List<FeeSplit> settleAll(Connection c, List<LeasedCharge> charges, StatementPrefix prefix) throws SQLException {
        int n = charges.size();
        List<FeeSplit> splits = new ArrayList<>(n);
        if (n == 0) {
            if (!prefix.sql().isEmpty()) {
                throw new IllegalArgumentException("a statement prefix needs at least one charge to settle");
            }
            return splits;
        }
        String[] keys = new String[n];
        String[] memos = new String[n];
        String[] accounts = new String[n];
        String[] payees = new String[n];
        String[] feeAccounts = new String[n];
        Long[] gross = new Long[n];
        Long[] share = new Long[n];
        Long[] fee = new Long[n];
        String[] leaseIds = new String[n];
        for (int i = 0; i < n; i++) {
            LeasedCharge leased = charges.get(i);
            UsageCharge charge = leased.charge();
            FeeSplit split = Money.split(charge.grossMicros(), charge.takeRateBps());
            splits.add(split);
            keys[i] = charge.idempotencyKey();
            memos[i] = ChargeWriter.memo(charge);
            accounts[i] = AccountCodes.developerCredit(charge.developerId());
            payees[i] = charge.payeeAccountCode();
            feeAccounts[i] = charge.feeAccountCode();
            gross[i] = split.grossMicros();
            share[i] = split.shareMicros();
            fee[i] = split.feeMicros();
            leaseIds[i] = leased.leaseId();
        }
        try (PreparedStatement settle = c.prepareStatement(prefix.sql() + (n == 1 ? SETTLE_ONE : SETTLE))) {
            int p = prefix.binder().bind(settle);
            if (n == 1) { // every batch at low concurrency: the same rules without arrays (V2026.11.28.2)
                for (String text : List.of(keys[0], memos[0], accounts[0], payees[0], feeAccounts[0])) {
                    settle.setString(p++, text);
                }
                for (Long amount : List.of(gross[0], share[0], fee[0])) {
                    settle.setLong(p++, amount);
                }
                settle.setString(p, leaseIds[0]);
            } else {
                for (String[] texts : List.of(keys, memos, accounts, payees, feeAccounts)) {
                    settle.setArray(p++, c.createArrayOf("text", texts));
                }
                for (Long[] amounts : List.of(gross, share, fee)) {
                    settle.setArray(p++, c.createArrayOf("bigint", amounts));
                }
                settle.setArray(p, c.createArrayOf("text", leaseIds));
            }
            settle.execute();
        } catch (SQLException e) {
            if (UNCOVERED.equals(e.getSQLState())) {
                throw new UncoveredChargeException(e.getMessage());
            }
            throw e;
        }
        return splits;
    }
}
