/**
 * Choosing the endpoints that serve a requested model, in order, from the catalog snapshot.
 */
package dev.marketplace.routing.application;
