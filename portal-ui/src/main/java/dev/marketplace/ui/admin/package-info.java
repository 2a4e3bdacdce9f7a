/**
 * The platform administrators' area: approvals of providers and listings, take rates and suspensions. For now a
 * landing page that says honestly what is not there yet; it depends on the shell only.
 */
package dev.marketplace.ui.admin;
