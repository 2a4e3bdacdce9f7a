/**
 * The platform administrators' area: the provider application queue (approve, reject with a reason), the audit
 * log, the listing queue (first publication, suspensions), the model registry and its proposals, and a landing page
 * that says what is not built yet. Calls the
 * onboarding module's application services only.
 */
package dev.marketplace.ui.admin;
