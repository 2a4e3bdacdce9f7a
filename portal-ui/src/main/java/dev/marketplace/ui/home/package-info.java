/**
 * The public front page: what the marketplace is, how to sign in or create an account, and where the API lives.
 * It needs no sign-in and calls no application service; it depends on the shell only.
 */
package dev.marketplace.ui.home;
