/** Tests of the endpoint form's rules. */
package dev.marketplace.onboarding.endpoints.domain;
