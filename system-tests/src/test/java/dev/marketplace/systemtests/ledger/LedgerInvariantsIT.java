package dev.marketplace.systemtests.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.ChatApi;
import dev.marketplace.systemtests.support.ChatApi.Generation;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.LedgerAssertions;
import dev.marketplace.systemtests.support.TestTarget;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * No micro-dollar lost or doubled: each generation is charged exactly its price, split exactly, once; and the
 * ledger as a whole balances, its cached balances and holds agree with its rows, and the demo developer's credit
 * is its grants minus its metered usage.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerInvariantsIT {
    private static final int CALLS = 50;
    private static final int PARALLEL = 5;

    @Test
    @Order(1)
    void everyGenerationIsChargedItsExactPriceOnce() throws Exception {
        List<Generation> generations = callConcurrently();

        assertEquals(CALLS, new HashSet<>(generations.stream().map(Generation::id).toList()).size(), "distinct ids");
        try (Connection db = Db.connect()) {
            long developerId = Db.developerIdOfKey(db, TestTarget.apiKey());
            for (Generation g : generations) {
                LedgerAssertions.assertChargedExactly(db, developerId, g);
            }
        }
    }

    @Test
    @Order(2)
    void theLedgerBalancesAndItsCachesAgreeWithItsRows() throws Exception {
        try (Connection db = Db.connect()) {
            long developerId = Db.developerIdOfKey(db, TestTarget.apiKey());
            String account = Db.creditAccount(developerId);
            // one snapshot: postings, balances, holds and usage records are read as of the same instant
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            db.setAutoCommit(false);
            db.setReadOnly(true);
            try {
                LedgerAssertions.assertBooksBalance(db);

                long balance = Db.queryLong(db, "select balance_micros from account_balance where account_code = ?", account);
                long grants = Db.queryLong(db, GRANTS, account);
                long usage = Db.queryLong(db, USAGE, developerId);
                assertTrue(grants > 0 && usage > 0, () -> "grants " + grants + ", usage " + usage);
                assertEquals(grants - usage, balance, account + " = grants " + grants + " - metered usage " + usage);
            } finally {
                db.rollback();
            }
        }
    }

    private static final String GRANTS = """
            select coalesce(sum(p.amount_micros), 0) from ledger_posting p join ledger_journal j on j.id = p.journal_id
             where j.kind <> 'usage' and p.account_code = ?""";
    private static final String USAGE = """
            select coalesce(sum(cost_micros), 0) from usage_record
             where developer_id = ? and status in ('ok', 'error', 'cancelled')""";

    /** 50 calls on 5 threads: streamed and not, prompts of 1 to ~400 words, some capped by max_tokens. */
    private static List<Generation> callConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Generation>> futures = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                String message = "ledger call " + i + " " + "word ".repeat(1 + (i * 37) % 400);
                boolean stream = i % 2 == 1;
                int maxTokens = i % 5 == 0 ? 1 + i % 7 : 0;
                futures.add(pool.submit(() -> stream ? ChatApi.stream(message, maxTokens) : ChatApi.complete(message, maxTokens)));
            }
            List<Generation> out = new ArrayList<>();
            for (Future<Generation> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
