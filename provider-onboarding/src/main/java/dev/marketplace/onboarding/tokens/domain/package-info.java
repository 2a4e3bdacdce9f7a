/** The format of a provider token (its {@code pk-mk-v1-} prefix, hash and display hint) and the rules on its name. */
package dev.marketplace.onboarding.tokens.domain;
