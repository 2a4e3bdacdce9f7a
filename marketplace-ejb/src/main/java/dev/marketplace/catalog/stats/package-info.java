/**
 * Health of each endpoint from its real traffic, for {@code GET /v1/models/{author}/{slug}/endpoints}, the catalog
 * pages, the provider's views and routing by speed: uptime over 5 minutes, 30 minutes and a day (OpenRouter's
 * definition: successful ÷ total, the caller's own cancellations excluded), latency and throughput percentiles over
 * 30 minutes. The settle path counts each call in memory ({@link dev.marketplace.catalog.stats.EndpointStatsCollector},
 * lock-free, no allocation), a flusher adds the counts to a per-minute rollup table every few seconds, and readers
 * read the rollup, never the usage records (decision 0017). Depends on the metering domain and the platform config.
 */
package dev.marketplace.catalog.stats;
