package dev.marketplace.systemtests.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.ChatApi;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A developer with credit for only a few calls, hit by many parallel calls: the gateway never spends more than
 * the credit, every call is either served and charged or refused with 402 and not charged, and afterwards no
 * hold is left open and the balance is exactly credit minus the charges.
 */
class ConcurrentSpendIT {
    static final int CALLS = 120;
    static final int THREADS = 40;
    static final long CREDIT_MICROS = 600; // about 40 calls at their actual cost, 3 at the worst case
    static final int MAX_TOKENS = 100;

    @Test
    void parallelCallsNeverOverspendTheCredit() throws Exception {
        String key = "sk-mk-v1-" + HexFormat.of().formatHex(randomBytes());
        long developerId;
        try (Connection c = Db.connect()) {
            developerId = createFundedDeveloper(c, key);
        }
        String account = Db.creditAccount(developerId);
        List<HttpResponse<String>> responses = callInParallel(key);

        int served = 0;
        int refused = 0;
        for (HttpResponse<String> r : responses) {
            if (r.statusCode() == 200) {
                served++;
            } else {
                assertEquals(402, r.statusCode(), () -> Http.describe(r));
                assertEquals("insufficient_quota", Http.json(r.body()).getJsonObject("error").getString("type"));
                refused++;
            }
        }
        assertEquals(CALLS, served + refused);
        try (Connection c = Db.connect()) {
            long charged = Db.queryLong(c, "select coalesce(sum(cost_micros), 0) from usage_record where developer_id = ?", developerId);
            long maxHold = Db.queryLong(c, "select coalesce(max(hold_micros), 0) from usage_record where developer_id = ?", developerId);
            long balance = Db.queryLong(c, "select balance_micros from account_balance where account_code = ?", account);
            long held = Db.queryLong(c, "select held_micros from account_balance where account_code = ?", account);
            long derived = Db.queryLong(c, "select coalesce(sum(amount_micros), 0) from ledger_posting where account_code = ?", account);
            long records = Db.queryLong(c, "select count(*) from usage_record where developer_id = ? and status = 'ok'", developerId);

            assertEquals(served, records, "one usage record per served call, none for refused ones");
            assertTrue(charged <= CREDIT_MICROS, "charged " + charged + " of a credit of " + CREDIT_MICROS);
            assertEquals(CREDIT_MICROS - charged, balance, "balance = credit - charges, to the micro-dollar");
            assertEquals(balance, derived, "cached balance = sum of postings");
            assertEquals(0, held, "no hold left open");
            assertTrue(balance >= 0, "never below zero: " + balance);
            assertTrue(served >= CREDIT_MICROS / maxHold, "at least every call the credit covers at the worst case: "
                    + served + " served, worst-case hold " + maxHold);
            assertTrue(refused > 0, "the credit covers far fewer than " + CALLS + " calls, so some must be refused");
        }
    }

    private static List<HttpResponse<String>> callInParallel(String key) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                String body = ChatApi.body("parallel call number " + i, false, MAX_TOKENS);
                calls.add(() -> Http.postJson(ChatApi.completionsUrl(), key, body));
            }
            List<HttpResponse<String>> out = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A new developer with one API key and a grant journal of CREDIT_MICROS, written as the ledger writes it. */
    private static long createFundedDeveloper(Connection c, String key) throws Exception {
        String username = "spend-" + UUID.randomUUID();
        long developerId = Db.queryLong(c, "insert into developer (username) values (?) returning id", username);
        Db.queryLong(c, "insert into api_key (developer_id, name, key_hash, key_hint) values (?, 'spend test', ?, 'sk-mk-v1-…') returning id",
                developerId, sha256(key));
        String account = Db.creditAccount(developerId);
        c.setAutoCommit(false);
        long journal = Db.queryLong(c, "insert into ledger_journal (idempotency_key, kind, memo) values (?, 'grant', 'spend test') returning id",
                "test:spend:" + developerId);
        for (String code : List.of(account, "platform:promotions")) {
            execute(c, "insert into ledger_account (code) values (?) on conflict do nothing", code);
            execute(c, "insert into account_balance (account_code) values (?) on conflict do nothing", code);
        }
        posting(c, journal, account, CREDIT_MICROS);
        posting(c, journal, "platform:promotions", -CREDIT_MICROS);
        c.commit();
        c.setAutoCommit(true);
        return developerId;
    }

    private static void posting(Connection c, long journal, String account, long amount) throws Exception {
        execute(c, "insert into ledger_posting (journal_id, account_code, amount_micros) values (?, ?, ?)", journal, account, amount);
        execute(c, "update account_balance set balance_micros = balance_micros + ? where account_code = ?", amount, account);
    }

    private static void execute(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
