package dev.marketplace.onboarding.listings.application;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.onboarding.audit.AuditLog;
import dev.marketplace.onboarding.inbox.Inbox;
import dev.marketplace.onboarding.listings.domain.ListingAction;
import dev.marketplace.onboarding.listings.domain.ListingLifecycle;
import dev.marketplace.onboarding.listings.infrastructure.ListingStore;
import dev.marketplace.onboarding.listings.infrastructure.ListingStore.LockedListing;
import dev.marketplace.onboarding.membership.ProviderMembers;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Applies one lifecycle action to one listing in one local transaction: lock the row, ask {@link ListingLifecycle}
 * for the next status, write it. A provider's action needs the listing to be its own (another provider's listing
 * reads as "no such listing"); an admin's action is audited and its provider's members are told in their inbox.
 * The catalog version trigger on {@code listing} carries the change to every node's routes.
 */
public final class ListingTransitions {

    private static final int MIN_REASON = 3;
    private static final int MAX_REASON = 1_000;

    private final DataSource dataSource;
    private final ListingStore store = new ListingStore();

    public ListingTransitions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A provider member's action on one of its provider's listings; returns the new status. */
    public String byProvider(String username, long listingId, ListingAction action) {
        if (action.adminOnly()) {
            throw new ListingException("Only an administrator can " + action.verb() + " a listing");
        }
        return Transactions.inTransaction(dataSource, action.verb() + " listing " + listingId, connection -> {
            long providerId = ProviderMembers.requireProviderOf(connection, username);
            LockedListing locked = lock(connection, listingId);
            if (locked.listing().providerId() != providerId) {
                throw noSuchListing(listingId);
            }
            String next = ListingLifecycle.next(locked.facts(), action);
            store.setStatus(connection, listingId, next, null, false);
            return next;
        });
    }

    /** An admin's action (audited, the provider notified); reject and suspend need a reason. */
    public String byAdmin(String admin, long listingId, ListingAction action, String reason) {
        if (!action.adminOnly()) {
            throw new ListingException("Only the provider can " + action.verb() + " its listing");
        }
        String why = reason == null ? null : reason.strip();
        boolean needsReason = action == ListingAction.REJECT || action == ListingAction.SUSPEND;
        if (needsReason && (why == null || why.length() < MIN_REASON || why.length() > MAX_REASON)) {
            throw new ListingException("To " + action.verb() + " a listing give a reason (" + MIN_REASON + " to "
                    + MAX_REASON + " characters); the provider is told it");
        }
        return Transactions.inTransaction(dataSource, action.verb() + " listing " + listingId, connection -> {
            LockedListing locked = lock(connection, listingId);
            String next = ListingLifecycle.next(locked.facts(), action);
            store.setStatus(connection, listingId, next, needsReason ? why : null, action == ListingAction.APPROVE);
            AuditLog.append(connection, admin, action.auditAction(), "listing:" + listingId, why);
            notifyProvider(connection, locked, action, next, why);
            return next;
        });
    }

    private LockedListing lock(Connection connection, long listingId) throws SQLException {
        return store.lock(connection, listingId).orElseThrow(() -> noSuchListing(listingId));
    }

    private static void notifyProvider(Connection connection, LockedListing locked, ListingAction action, String next,
                                       String reason) throws SQLException {
        String listing = locked.listing().modelSlug() + " on " + locked.listing().endpointName();
        String subject = switch (action) {
            case APPROVE -> "Your listing " + listing + " is live";
            case REJECT -> "Your listing " + listing + " was not approved";
            case SUSPEND -> "Your listing " + listing + " is suspended";
            case LIFT -> "The suspension of your listing " + listing + " is lifted";
            default -> "Your listing " + listing + " is " + next;
        };
        String body = switch (action) {
            case APPROVE -> "An administrator approved its first publication: developers can call it now.";
            case REJECT -> "Reason: " + reason + " It is a draft again: change it and submit it once more.";
            case SUSPEND -> "Reason: " + reason + " It takes no traffic until an administrator lifts the suspension.";
            case LIFT -> "It is " + next + " now" + (ListingLifecycle.PAUSED.equals(next) ? ": resume it to take traffic again." : ".");
            default -> "Its status is " + next + ".";
        };
        Inbox.sendToProviderMembers(connection, locked.listing().providerId(), subject, body);
    }

    static ListingException noSuchListing(long listingId) {
        return new ListingException("There is no listing " + listingId + " of yours");
    }
}
