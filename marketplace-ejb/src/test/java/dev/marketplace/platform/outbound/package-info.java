/** Tests of the outbound URL guard and the guarded fetch (local HTTP servers on loopback, allow-listed). */
package dev.marketplace.platform.outbound;
