/** The application service behind {@code /api/v1/credits/checkout}. */
package dev.marketplace.credits.application;
