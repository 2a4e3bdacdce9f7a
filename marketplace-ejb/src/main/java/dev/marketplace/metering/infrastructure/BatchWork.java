package dev.marketplace.metering.infrastructure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A kind of ledger work whose items, queued by different requests, can run together in one set-based call on the
 * group transaction's connection (e.g. all holds of a batch in three statements). Returns one result per item, in
 * order. Implementations are shared constants: {@link GroupCommit} groups pieces by the identity of their kind.
 */
@FunctionalInterface
public interface BatchWork<I, R> {
    List<R> runAll(Connection connection, List<I> items) throws SQLException;
}
