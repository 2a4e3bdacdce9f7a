/**
 * The API's one error shape, {@code {"error":{"message","type","code","param","metadata"}}}, read alike by OpenAI
 * SDKs ({@code type}, {@code param}) and OpenRouter clients ({@code code} = the HTTP status), and the exception
 * mappers that produce it.
 */
package dev.marketplace.api.errors;
