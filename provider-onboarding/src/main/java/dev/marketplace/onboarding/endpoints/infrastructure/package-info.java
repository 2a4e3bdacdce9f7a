/** Plain JDBC over {@code provider_endpoint}, always scoped by provider id, on the caller's connection. */
package dev.marketplace.onboarding.endpoints.infrastructure;
