/**
 * The canonical model registry curated by admins: models created and edited by admins, and providers' proposals
 * (from imports) accepted — claiming the author namespace for the proposing provider when nobody owns it — or
 * rejected with a reason the provider is told. Every admin action is audited.
 */
package dev.marketplace.onboarding.registry;
