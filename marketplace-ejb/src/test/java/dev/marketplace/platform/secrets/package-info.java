/** Tests of sealing secrets at rest: round trip, tampering, wrong keys and rotation. */
package dev.marketplace.platform.secrets;
