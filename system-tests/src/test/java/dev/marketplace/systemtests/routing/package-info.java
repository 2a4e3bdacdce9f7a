/**
 * Routing and failure paths against upstreams the tests serve themselves ({@code StubUpstreams}, listed by the
 * test stack's seed file): failover before the first byte, a provider that is down, a stream that breaks after
 * delivering, a client that hangs up; each with the exact charge it must (or must not) leave in the ledger.
 */
package dev.marketplace.systemtests.routing;
