/**
 * The public catalog as the portal shows it to anyone, signed in or not: live models with their cheapest prices,
 * filters and sorting, a model's endpoints (every price field, quantization, health, upcoming price changes), a
 * provider's live models and rankings by tokens served. Reads only live listings on active endpoints of active
 * providers (what routing serves), in SQL on the control plane, never on the hot path. May use {@code catalog.stats}.
 */
package dev.marketplace.catalog.browse;
