package dev.marketplace.metering.infrastructure;

/**
 * Batch work that runs as one SQL statement, all or nothing by itself. A batch made only of pieces of one such kind
 * runs in autocommit mode: the statement is its own transaction, so the batch costs one round trip (no separate
 * {@code COMMIT}) and is durable when the statement returns.
 */
@FunctionalInterface
public interface OneStatementWork<I, R> extends BatchWork<I, R> {
}
