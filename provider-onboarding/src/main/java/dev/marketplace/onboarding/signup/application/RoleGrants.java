package dev.marketplace.onboarding.signup.application;

/** Grants a realm role to a user of the identity provider (Keycloak). Idempotent: granting a held role is a no-op. */
public interface RoleGrants {

    void grantRealmRole(String username, String role);
}
