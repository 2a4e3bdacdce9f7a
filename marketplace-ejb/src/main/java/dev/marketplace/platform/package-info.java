/**
 * Cross-cutting start-up checks: the schema the application expects has been migrated.
 */
package dev.marketplace.platform;
