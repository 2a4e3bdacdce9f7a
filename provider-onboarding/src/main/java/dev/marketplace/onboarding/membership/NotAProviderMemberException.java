package dev.marketplace.onboarding.membership;

/** The signed-in user acts for no provider, so no provider page or action is open to them. */
public class NotAProviderMemberException extends RuntimeException {
    public NotAProviderMemberException(String username) {
        super(username + " does not act for a provider yet: apply at /provider/apply");
    }
}
