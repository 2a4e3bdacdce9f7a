/** Tests of dispute holds, releases and losses through the webhook receiver, on a real PostgreSQL. */
package dev.marketplace.billing.disputes;
