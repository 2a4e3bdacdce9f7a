/** Tests of the Stripe stub, driven by the Stripe Java SDK the marketplace uses, so the shapes are the SDK's. */
package dev.marketplace.stripestub;
