/**
 * The hot path's vocabulary: the authenticated caller, the parsed request and the errors it answers with (each
 * carries its HTTP status and OpenAI error type).
 */
package dev.marketplace.gateway.domain;
