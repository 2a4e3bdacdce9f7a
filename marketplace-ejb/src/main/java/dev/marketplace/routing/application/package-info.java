/**
 * Choosing the endpoints that serve a requested model, in order, from in-memory state only: the catalog snapshot,
 * this node's endpoint health and capacity, and endpoint speeds refreshed in the background from the endpoint
 * stats. May depend on the catalog and the upstream adapters; nothing here runs SQL on the request path.
 */
package dev.marketplace.routing.application;
