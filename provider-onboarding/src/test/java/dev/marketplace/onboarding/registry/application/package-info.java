/** Tests of the admin registry against a fresh database: proposals, namespace claims, audit, inbox. */
package dev.marketplace.onboarding.registry.application;
