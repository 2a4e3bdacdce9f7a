/**
 * Secrets at rest, such as providers' upstream API keys: AES-256-GCM with a random 96-bit nonce, each sealed value
 * prefixed with the id of the key that sealed it so that keys can be rotated (old ids stay decryptable). Lives in
 * marketplace-ejb because the routing side reads the keys it must send upstream; depends on the JDK and
 * {@code platform.Config} only.
 */
package dev.marketplace.platform.secrets;
