/**
 * The hot path: key, route, hold, upstream, settle. No JTA transaction spans the upstream call; the only database
 * writes are the hold and the settlement.
 */
package dev.marketplace.gateway.application;
