/** The application form and its validation rules, and the rule that names a new provider. Pure Java. */
package dev.marketplace.onboarding.signup.domain;
