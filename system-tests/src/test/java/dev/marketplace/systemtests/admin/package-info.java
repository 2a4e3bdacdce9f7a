/**
 * System tests of the admin's provider controls: an effective-dated take rate applied by the timer and used by the
 * next call's split, and a provider suspended from the admin page, out of service on the API within two seconds and
 * in the audit log.
 */
package dev.marketplace.systemtests.admin;
