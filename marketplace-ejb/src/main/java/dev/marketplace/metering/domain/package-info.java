/**
 * What a generation cost and used: the usage record as written and as read back.
 */
package dev.marketplace.metering.domain;
