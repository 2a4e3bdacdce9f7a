/**
 * Routing inputs and outputs: a live route is a listing on an endpoint with its price and take rate.
 */
package dev.marketplace.routing.domain;
