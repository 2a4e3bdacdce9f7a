/**
 * The platform administrators' area: the provider application queue (approve, reject with a reason), the audit
 * log, and a landing page that says what is not built yet (listing approvals, take rates, suspensions). Calls the
 * onboarding module's application services only.
 */
package dev.marketplace.ui.admin;
