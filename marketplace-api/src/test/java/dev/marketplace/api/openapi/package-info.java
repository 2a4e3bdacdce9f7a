/** Checks the OpenAPI document against the JAX-RS resources. */
package dev.marketplace.api.openapi;
