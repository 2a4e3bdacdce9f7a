/**
 * Read use cases of a developer's account, each authenticated by an API key and scoped to the key's developer: a
 * generation of another developer is not found. Depends on keys.application and account.infrastructure.
 */
package dev.marketplace.account.application;
