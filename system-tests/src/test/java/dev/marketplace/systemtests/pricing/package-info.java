/**
 * Billing of every price a listing can have, end to end: cached prompt tokens read and written (OpenAI-compatible and
 * Anthropic upstreams), a price per request and a second context tier, each checked to the micro-dollar in the
 * response, the journal and the usage record, streaming and not; and the prices as {@code /models} shows them.
 */
package dev.marketplace.systemtests.pricing;
