/** Tests of the application form's validation and of provider slugs. */
package dev.marketplace.onboarding.signup.domain;
