/**
 * The developer's page: credit left, how to call the API, API keys (issue, show the secret once, revoke) and
 * recent calls. Views here call the application services of {@code developers}, {@code keys} and
 * {@code metering} only, always with the signed-in developer's own id.
 */
package dev.marketplace.ui.developer;
