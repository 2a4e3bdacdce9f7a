/**
 * The EJB timer that runs billing's auto top-up checker and low-balance alerts every two seconds, never on the
 * request path, one tick at a time per node (two nodes are safe: billing claims each crossing atomically).
 */
package dev.marketplace.payments.infrastructure;
