/**
 * The OpenAI-compatible wire protocol (vLLM, Ollama, Together, Groq, OpenAI, the built-in simulator): JSON and
 * server-sent events over java.net.http with bounded timeouts.
 */
package dev.marketplace.routing.upstream.openai;
