/**
 * What a developer's own generations add up to, for the portal's activity page: spend, tokens and requests per UTC
 * day broken down by model, key or a request metadata key, and the generations themselves, filtered, read a page at a
 * time or streamed row by row for an export. Plain JDBC over metering's {@code usage_record}; every query is scoped by
 * the developer's id. Depends on nothing of ours but that table.
 */
package dev.marketplace.activity.application;
