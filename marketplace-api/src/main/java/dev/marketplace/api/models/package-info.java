/** {@code GET /v1/models}: the live models in OpenAI's list shape with OpenRouter's fields (pricing per token as
 * decimal strings, context length, top provider). Public, as OpenRouter's is. */
package dev.marketplace.api.models;
