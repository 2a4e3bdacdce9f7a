package dev.marketplace.simulation;

import dev.marketplace.billing.charges.UsageCharge;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.money.Money;
import dev.marketplace.keys.infrastructure.KeyState;
import dev.marketplace.metering.application.HoldOutcome;
import dev.marketplace.metering.application.UsageRecorder;
import dev.marketplace.metering.domain.UsageRecord;
import dev.marketplace.metering.domain.UsageStatus;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls through the gateway's settle path, many at once: hold the worst case on the developer's credit, then record
 * the usage and its charge together (group commit), as {@code Settlement} does after an upstream answered; about
 * one call in a hundred fails and is recorded at no cost with its hold released. Prices and take rates are read per
 * call from the catalog, so a change mid-month applies to the calls after it.
 */
final class Traffic {

    static final int FAILED_ONE_IN = 100;

    private final UsageRecorder recorder;
    private final Catalog catalog;
    private final int threads;
    final AtomicLong charged = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong grossMicros = new AtomicLong();

    Traffic(UsageRecorder recorder, Catalog catalog, int threads) {
        this.recorder = recorder;
        this.catalog = catalog;
        this.threads = threads;
    }

    /** Makes calls numbered {@code [from, to)}; returns when all are durable. */
    void run(long from, long to, long seed) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicLong next = new AtomicLong(from);
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                SplittableRandom random = new SplittableRandom(seed * 1_000 + t);
                workers.add(pool.submit(() -> {
                    for (long n = next.getAndIncrement(); n < to; n = next.getAndIncrement()) {
                        call(n, random);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void call(long n, SplittableRandom random) {
        Catalog.Developer dev = catalog.developers.get(random.nextInt(catalog.developers.size()));
        Catalog.Listing listing = catalog.listings.get(random.nextInt(catalog.listings.size()));
        long in = listing.inputPriceMicrosPerMTok;
        long out = listing.outputPriceMicrosPerMTok;
        int takeRate = listing.provider.takeRateBps;
        long prompt = 20 + random.nextInt(2_000);
        long maxTokens = 16 + random.nextInt(512);
        long completion = 1 + random.nextInt((int) maxTokens);
        long hold = Money.costMicros(prompt, in, maxTokens, out);
        String generation = "gen-sim-" + n;
        KeyState key = new KeyState(dev.keyId(), dev.id(), true);
        if (recorder.placeHold(generation, dev.creditAccount(), hold, key) != HoldOutcome.GRANTED) {
            refused.incrementAndGet();
            return;
        }
        long latency = 50 + random.nextInt(900);
        if (random.nextInt(FAILED_ONE_IN) == 0) {
            recorder.recordFailed(usage(generation, dev, listing, 0, 0, 0, hold, latency, UsageStatus.ERROR,
                    "error"), generation);
            failed.incrementAndGet();
            return;
        }
        long cost = Money.costMicros(prompt, in, completion, out);
        recorder.recordCharged(usage(generation, dev, listing, prompt, completion, cost, hold, latency,
                UsageStatus.OK, "stop"), new UsageCharge(generation, generation, dev.id(),
                listing.provider.payeeAccount(), AccountCodes.REVENUE_TAKE, cost, takeRate));
        charged.incrementAndGet();
        grossMicros.addAndGet(cost);
    }

    private static UsageRecord usage(String id, Catalog.Developer dev, Catalog.Listing listing, long prompt,
                                     long completion, long cost, long hold, long latency, UsageStatus status,
                                     String finish) {
        return new UsageRecord(id, dev.id(), dev.keyId(), listing.modelSlug, listing.provider.slug, listing.id,
                prompt, completion, cost, hold, latency, status, finish, false, false, null);
    }
}
