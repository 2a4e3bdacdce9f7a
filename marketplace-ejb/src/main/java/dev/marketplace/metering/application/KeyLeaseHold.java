package dev.marketplace.metering.application;

/** The key limit part of one call's hold, reserved in memory from one of this node's key leases. */
record KeyLeaseHold(NodeLease lease, long keyId, KeyTerms terms, long holdMicros) {
    String leaseId() {
        return lease.id();
    }
}
