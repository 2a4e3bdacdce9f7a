/**
 * Inference endpoints. Chat completions are a servlet so that the response is committed only with the first byte:
 * an error before that (including failover exhausted) keeps its real HTTP status, also when streaming.
 */
package dev.marketplace.api.inference;
