/**
 * Health of each live endpoint from its real traffic (the usage records), for {@code GET
 * /v1/models/{author}/{slug}/endpoints}: uptime over 5 minutes, 30 minutes and a day (OpenRouter's definition:
 * successful ÷ total, the caller's own cancellations excluded), latency and throughput percentiles over 30 minutes.
 * Control plane only: read with one SQL query per model and cached for a few seconds, never on the hot path.
 */
package dev.marketplace.catalog.stats;
