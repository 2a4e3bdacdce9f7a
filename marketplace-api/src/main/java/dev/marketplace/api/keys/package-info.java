/**
 * The management API {@code /api/v1/keys} (OpenRouter's provisioning API), authenticated by a management key: list,
 * create, read, change and revoke the developer's API keys. Also the exception mappers that put key and account
 * errors into the API's one error shape. Depends on keys.application and api.errors.
 */
package dev.marketplace.api.keys;
