/** Tests that the audit log is append-only in the database and reads back newest first. */
package dev.marketplace.onboarding.audit;
