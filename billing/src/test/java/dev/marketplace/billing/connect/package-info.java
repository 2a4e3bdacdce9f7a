/** Tests of the Connect webhook: verification with the Connect secret, once-per-event-id handling, dispatch by type. */
package dev.marketplace.billing.connect;
