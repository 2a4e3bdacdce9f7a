/** Plain JDBC over {@code model} and {@code model_author}, on the caller's connection. */
package dev.marketplace.onboarding.registry.infrastructure;
