/**
 * The public catalog, open without signing in: the models list with search, filters and sorting ({@code /models}),
 * a model's page with its endpoints, upcoming price changes, code snippets and a try-it box for signed-in developers
 * ({@code /models/<author>/<slug>}), provider pages ({@code /providers/<slug>}) and rankings ({@code /rankings}).
 * Calls {@code catalog.browse} and {@code tryit} only.
 */
package dev.marketplace.ui.catalog;
