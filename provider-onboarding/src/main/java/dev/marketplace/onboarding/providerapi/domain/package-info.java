/** Rules on the fields a provider may set on a draft listing through the provider API. */
package dev.marketplace.onboarding.providerapi.domain;
