/**
 * Use cases of the provider API, each taking the authenticated provider id first: another provider's ids answer
 * 404 exactly as ids that do not exist. Errors leave as {@link dev.marketplace.onboarding.providerapi.application.ProviderApiException}.
 */
package dev.marketplace.onboarding.providerapi.application;
