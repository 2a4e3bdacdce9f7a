/**
 * The catalog as stored: providers, their upstream endpoints, models and the listings that put a model on an
 * endpoint at a price (micro-USD per million tokens). JPA entities only; no behaviour beyond invariants.
 */
package dev.marketplace.catalog.domain;
