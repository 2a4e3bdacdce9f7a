/**
 * What the admin actions on providers share: the error an admin can fix ({@code AdminActionException}), the reason
 * rule every action states, and notices to all members of a provider. Depends on the inbox only.
 */
package dev.marketplace.onboarding.admin;
