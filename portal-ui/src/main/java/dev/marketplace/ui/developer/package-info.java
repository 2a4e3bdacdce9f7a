/**
 * The developer's pages: the overview (credit, how to call the API, quick keys, recent calls), the keys page (create
 * with limit and expiry, the secret shown once with ready-to-run snippets, disable, delete, spend per key), the
 * activity page (server-drawn SVG charts of spend, tokens and requests per day, a lazy grid of generations and its
 * streamed CSV export) and the credit banner on each. Views call the application services of {@code developers},
 * {@code keys}, {@code metering}, {@code activity} and {@code catalog} only, always with the signed-in developer's
 * own id.
 */
package dev.marketplace.ui.developer;
