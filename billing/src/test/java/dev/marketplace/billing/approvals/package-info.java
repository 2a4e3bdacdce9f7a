/** Tests of four-eyes finance requests: grants, refunds of unused credit, bad-debt write-offs. */
package dev.marketplace.billing.approvals;
