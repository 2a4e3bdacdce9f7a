/**
 * Operations endpoints on the application port: {@code GET /api/metrics} (the application's Prometheus metrics)
 * and {@code GET /api/health/ready} / {@code /api/health/live} (JSON, 200 or 503). WildFly's own
 * {@code /metrics} and {@code /health} are on the management port (see docs/operations.md).
 */
package dev.marketplace.api.operations;
