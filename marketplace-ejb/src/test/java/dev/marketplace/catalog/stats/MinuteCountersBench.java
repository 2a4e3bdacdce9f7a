package dev.marketplace.catalog.stats;

import dev.marketplace.metering.domain.UsageStatus;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loop benchmark of {@link MinuteCounters#observe} (not a test; no JMH): {@code threads} threads observing calls
 * of one shared listing (every thread on the same cache lines, the worst case) and then of a listing each, while a
 * drainer takes the counts every 5 s as the flusher does. Prints the CPU time per observation (each worker's thread
 * CPU time ÷ its observations, averaged: not wall time, which other processes on a busy machine would inflate). Run after
 * {@code mvn test-compile}: {@code java -cp target/classes:target/test-classes:<metering classes>
 * dev.marketplace.catalog.stats.MinuteCountersBench [threads] [millions per thread]}.
 */
public final class MinuteCountersBench {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private MinuteCountersBench() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        long perThread = (args.length > 1 ? Long.parseLong(args[1]) : 20) * 1_000_000L;
        for (int round = 0; round < 3; round++) { // the first round warms up the JIT
            System.out.printf("round %d, %d threads on %d cores: one shared listing %.1f ns of CPU per observation, a"
                    + " listing per thread %.1f ns%n", round, threads, Runtime.getRuntime().availableProcessors(),
                    run(threads, perThread, true), run(threads, perThread, false));
        }
    }

    private static double run(int threads, long perThread, boolean shared) throws InterruptedException {
        MinuteCounters counters = new MinuteCounters();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        AtomicLong cpuNanos = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            long listing = shared ? 1 : 100 + t;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long cpu0 = CPU.getCurrentThreadCpuTime();
                for (long i = 0; i < perThread; i++) { // reading the clock per call, as EndpointStatsCollector does
                    counters.observe(listing, (i & 63) == 0 ? UsageStatus.ERROR : UsageStatus.OK, 50 + (i & 511),
                            200, false, System.currentTimeMillis());
                }
                cpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - cpu0);
            });
            w.start();
            workers.add(w);
        }
        Thread drainer = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                counters.drain(System.currentTimeMillis());
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        drainer.setDaemon(true);
        drainer.start();
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        drainer.interrupt();
        return (double) cpuNanos.get() / (perThread * threads);
    }
}
