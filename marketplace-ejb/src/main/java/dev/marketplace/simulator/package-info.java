/**
 * The built-in simulated provider: deterministic OpenAI-style replies with real token counts and configurable latency,
 * served over HTTP by the API module so that it is reached through the same adapter path as any external upstream.
 */
package dev.marketplace.simulator;
