/**
 * The developer's billing settings page: auto top-up (on or off, threshold, amount), the saved card it charges,
 * the last failure and how to fix it, and the low-balance alert with its notice. Views here call the
 * {@code payments} application service only, always with the signed-in developer's own id.
 */
package dev.marketplace.ui.billing;
