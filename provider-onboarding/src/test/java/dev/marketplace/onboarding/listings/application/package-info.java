/** Tests of the all-or-nothing import on a real PostgreSQL database. */
package dev.marketplace.onboarding.listings.application;
