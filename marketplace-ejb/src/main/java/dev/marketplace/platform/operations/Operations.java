package dev.marketplace.platform.operations;

import java.time.Instant;

/**
 * What the hot path reports, in one static call per event: counters and histograms in memory (LongAdders, no lock,
 * no I/O) and the one structured log line per generation on logger {@value #GENERATION_LOGGER} (a JSON object per
 * line; configure.cli sends it to {@code log/generations.log} through an async handler; {@link GenerationLog} queues
 * the lines and hands them over in batches). Nothing here ever sees
 * prompt or completion text: only ids, names, counts, statuses and times.
 */
public final class Operations {
    public static final String GENERATION_LOGGER = "dev.marketplace.generations";

    private static final double[] LATENCY_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};
    private static final double[] BATCH_SIZES = {1, 2, 4, 8, 16, 32, 64, 128, 256};
    private static final double[] COMMIT_SECONDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1};

    static final Counters REQUESTS = new Counters("marketplace_requests_total",
            "Chat completion generations by model and outcome (ok, error, cancelled).", "model", "status");
    static final Counters REFUSED = new Counters("marketplace_requests_refused_total",
            "Chat completion requests answered with an error before any upstream was called, by HTTP status.", "status");
    static final Histograms LATENCY = new Histograms("marketplace_request_duration_seconds",
            "Time from receiving a chat completion request to settling it (last byte for streams), by model.",
            1e9, LATENCY_SECONDS, "model");
    static final Counters TOKENS = new Counters("marketplace_billed_tokens_total",
            "Tokens billed, by model and type (prompt, completion).", "model", "type");
    static final Counters COST = new Counters("marketplace_billed_cost_micros_total",
            "Cost charged to developers in micro-USD, by model.", "model");
    static final Counters UPSTREAM_ERRORS = new Counters("marketplace_upstream_errors_total",
            "Failed upstream attempts by provider and upstream HTTP status (0: no reply, i.e. connect error or broken stream).",
            "provider", "status");
    static final Counters FAILOVERS = new Counters("marketplace_upstream_failovers_total",
            "Retryable upstream failures before anything reached the client (the gateway moves on to the next route, if any), by provider.",
            "provider");
    static final Counters HOLDS = new Counters("marketplace_holds_total",
            "Credit holds by result: placed, refused (insufficient credit) or overloaded (ledger writer queue full).", "result");
    static final Counters HOLD_SOURCES = new Counters("marketplace_hold_sources_total",
            "Holds by where they were taken: lease (in memory, from this node's balance and key leases) or database (a"
                    + " group-committed per-call hold).", "source");
    static final Histograms BATCH = new Histograms("marketplace_group_commit_batch_size",
            "Pieces of work committed per group-commit transaction.", 1, BATCH_SIZES);
    static final Histograms COMMIT_TIME = new Histograms("marketplace_group_commit_duration_seconds",
            "Time to run and commit one group-commit batch.", 1e9, COMMIT_SECONDS);
    static final Counters BATCH_FAILURES = new Counters("marketplace_group_commit_batch_failures_total",
            "Group-commit batches whose shared transaction failed (each piece was then retried alone).");
    static final Counters GENERATION_LOG_DROPPED = new Counters("marketplace_generation_log_dropped_total",
            "Generation log lines dropped because too many were waiting to be written (the log's writer is stuck).");

    private Operations() {
    }

    /**
     * A generation was settled (charged, or recorded as failed): counts it and writes its log line.
     *
     * @param status {@code OK}, {@code ERROR} or {@code CANCELLED} (any case)
     */
    public static void generation(String generationId, String model, String provider, String status, String finishReason,
                                  boolean stream, long promptTokens, long completionTokens, long costMicros, long startNanos) {
        long nanos = System.nanoTime() - startNanos;
        String outcome = status.toLowerCase(java.util.Locale.ROOT);
        REQUESTS.inc(model, outcome);
        LATENCY.observe(nanos, model);
        if (promptTokens > 0) {
            TOKENS.add(promptTokens, model, "prompt");
        }
        if (completionTokens > 0) {
            TOKENS.add(completionTokens, model, "completion");
        }
        if (costMicros > 0) {
            COST.add(costMicros, model);
        }
        if (GenerationLog.enabled()) {
            StringBuilder line = new StringBuilder(320);
            line.append("{\"ts\":\"").append(Instant.now()).append("\",\"event\":\"generation\"");
            field(line, "generation_id", generationId);
            field(line, "model", model);
            field(line, "provider", provider);
            field(line, "status", outcome);
            field(line, "finish_reason", finishReason);
            line.append(",\"stream\":").append(stream);
            line.append(",\"prompt_tokens\":").append(promptTokens);
            line.append(",\"completion_tokens\":").append(completionTokens);
            line.append(",\"cost_micros\":").append(costMicros);
            line.append(",\"latency_ms\":").append(nanos / 1_000_000).append('}');
            GenerationLog.add(line.toString());
        }
    }

    /**
     * An upstream attempt failed. Logged with the upstream's status only: the upstream's error text is left out
     * because a provider may echo parts of the prompt in it.
     */
    public static void upstreamFailed(String generationId, String provider, int upstreamStatus, boolean failover) {
        UPSTREAM_ERRORS.inc(provider, Integer.toString(upstreamStatus));
        if (failover) {
            FAILOVERS.inc(provider);
        }
        if (GenerationLog.enabled()) {
            StringBuilder line = new StringBuilder(200);
            line.append("{\"ts\":\"").append(Instant.now()).append("\",\"event\":\"upstream_error\"");
            field(line, "generation_id", generationId);
            field(line, "provider", provider);
            line.append(",\"upstream_status\":").append(upstreamStatus);
            line.append(",\"failover\":").append(failover).append('}');
            GenerationLog.add(line.toString());
        }
    }

    /** A request was answered with this HTTP error before any upstream was called (auth, validation, credit, limits). */
    public static void refused(int httpStatus) {
        REFUSED.inc(Integer.toString(httpStatus));
    }

    public static void holdPlaced(boolean placed) {
        HOLDS.inc(placed ? "placed" : "refused");
    }

    /** @param source {@code lease} (in memory) or {@code database} (a per-call hold) */
    public static void holdServedFrom(String source) {
        HOLD_SOURCES.inc(source);
    }

    public static void holdOverloaded() {
        HOLDS.inc("overloaded");
    }

    /** One group-commit batch ran (committed, or failed and was retried piece by piece). */
    public static void groupCommitBatch(int size, long startNanos, boolean committed) {
        BATCH.observe(size);
        COMMIT_TIME.observe(System.nanoTime() - startNanos);
        if (!committed) {
            BATCH_FAILURES.inc();
        }
    }

    private static void field(StringBuilder line, String name, String value) {
        line.append(",\"").append(name).append("\":");
        if (value == null) {
            line.append("null");
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }
}
