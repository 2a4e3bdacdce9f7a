/**
 * Operations: the application's own Prometheus metrics (plain {@link java.util.concurrent.atomic.LongAdder}
 * counters and fixed-bucket histograms, rendered in the Prometheus text format), the database readiness probe and
 * the one structured log line per generation. The hot path reaches this package only through the static calls of
 * {@link dev.marketplace.platform.operations.Operations}; server and JVM metrics and the server's own health come
 * from WildFly's {@code metrics} and {@code health} subsystems (see docs/operations.md).
 */
package dev.marketplace.platform.operations;
