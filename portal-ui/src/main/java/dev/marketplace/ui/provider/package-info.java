/**
 * The provider's area: listings, upstream endpoints, their health and payouts. For now a landing page that says
 * honestly what is not there yet; it depends on the shell only until provider application services exist.
 */
package dev.marketplace.ui.provider;
