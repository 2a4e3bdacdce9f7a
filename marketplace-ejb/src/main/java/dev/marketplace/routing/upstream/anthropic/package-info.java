/**
 * The Anthropic Messages wire protocol: OpenAI chat-completions requests translated to {@code POST /messages},
 * and Anthropic's replies and server-sent events translated back to OpenAI completions and chunks. Depends only
 * on the upstream plug-in point, the route's endpoint, Jakarta JSON-P and java.net.http.
 */
package dev.marketplace.routing.upstream.anthropic;
