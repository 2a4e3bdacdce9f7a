package dev.marketplace.billing.leases;

/** A lease given back to its account because its node stopped renewing it: its id, account and the amount returned. */
public record ReturnedLease(String leaseId, String accountCode, String nodeId, long returnedMicros) {
}
