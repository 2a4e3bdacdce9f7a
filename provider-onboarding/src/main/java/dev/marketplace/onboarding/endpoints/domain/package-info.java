/** The endpoint form and its rules (fields, limits, protocols, retention), free of I/O. Depends on the JDK only. */
package dev.marketplace.onboarding.endpoints.domain;
