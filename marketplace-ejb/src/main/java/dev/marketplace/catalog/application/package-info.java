/**
 * Reads of the catalog: the in-memory snapshot of live listings that the hot path routes on (rebuilt on change,
 * never queried per request) and the public model list. Depends on catalog.domain and JPA.
 */
package dev.marketplace.catalog.application;
