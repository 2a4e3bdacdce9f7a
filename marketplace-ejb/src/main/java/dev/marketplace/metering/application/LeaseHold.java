package dev.marketplace.metering.application;

/** The hold of one call, reserved in memory from one of this node's balance leases. */
record LeaseHold(NodeLease lease, String accountCode, long holdMicros) {
    String leaseId() {
        return lease.id();
    }
}
