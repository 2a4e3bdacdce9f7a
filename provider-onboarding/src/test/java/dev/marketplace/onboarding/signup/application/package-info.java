/** Tests of applying and of the admin's approve/reject decisions on a real PostgreSQL, with a recording RoleGrants. */
package dev.marketplace.onboarding.signup.application;
