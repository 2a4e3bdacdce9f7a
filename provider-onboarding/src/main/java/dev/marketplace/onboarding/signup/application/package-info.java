/**
 * Use cases of provider sign-up: apply ({@code ProviderSignup}) and review ({@code ProviderApprovals}), each write in
 * one local transaction together with its audit entry and inbox notice; the realm role is granted through the
 * {@code RoleGrants} port before that transaction commits. Depends on the signup domain and infrastructure, audit,
 * inbox and billing's local transactions.
 */
package dev.marketplace.onboarding.signup.application;
