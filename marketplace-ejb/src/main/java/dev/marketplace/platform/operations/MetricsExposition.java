package dev.marketplace.platform.operations;

import dev.marketplace.metering.infrastructure.GroupCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The application's metrics in the Prometheus text format (served at {@code /api/metrics}). */
@ApplicationScoped
public class MetricsExposition {
    public static final String CONTENT_TYPE = Exposition.CONTENT_TYPE;

    @Inject
    GroupCommit groupCommit;

    public String render() {
        StringBuilder out = new StringBuilder(8192);
        Operations.REQUESTS.render(out);
        Operations.REFUSED.render(out);
        Operations.LATENCY.render(out);
        Operations.TOKENS.render(out);
        Operations.COST.render(out);
        Operations.UPSTREAM_ERRORS.render(out);
        Operations.FAILOVERS.render(out);
        Operations.HOLDS.render(out);
        Operations.HOLD_SOURCES.render(out);
        Exposition.gauge(out, "marketplace_group_commit_queue_depth",
                "Pieces of ledger work waiting for the group-commit writer.", groupCommit.queueDepth());
        Operations.BATCH.render(out);
        Operations.COMMIT_TIME.render(out);
        Operations.BATCH_FAILURES.render(out);
        Exposition.gauge(out, "marketplace_generation_log_pending",
                "Generation log lines queued for the log's writer.", GenerationLog.pending());
        Operations.GENERATION_LOG_DROPPED.render(out);
        return out.toString();
    }
}
