/** Registry use cases for admins. Depends on the registry domain and store, the audit log and the inbox. */
package dev.marketplace.onboarding.registry.application;
