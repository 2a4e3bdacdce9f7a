/** Tests of List Models parsing and exact price conversion, driven by fixture documents in {@code listmodels/}. */
package dev.marketplace.onboarding.listings.domain;
