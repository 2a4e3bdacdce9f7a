/**
 * System tests of the public catalog and what hangs off it: anonymous browsing and search, a model page with its
 * endpoints and an upcoming price increase, try-it billed like any call, the provider dashboard against the ledger,
 * and the role guards of provider and admin pages.
 */
package dev.marketplace.systemtests.catalog;
