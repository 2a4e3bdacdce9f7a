package dev.marketplace.billing.infrastructure.stripe;

import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import dev.marketplace.billing.connect.ConnectedAccountException;
import dev.marketplace.billing.connect.ConnectedAccountStatus;
import dev.marketplace.billing.connect.ConnectedAccounts;
import dev.marketplace.billing.connect.OnboardingLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;

/** Connect Express accounts through the Stripe SDK: created with transfers requested, onboarded by Account Links. */
@ApplicationScoped
public class StripeConnectedAccounts implements ConnectedAccounts {

    @Inject
    StripeAccess stripe;

    public StripeConnectedAccounts() {
        // for CDI
    }

    public StripeConnectedAccounts(StripeAccess stripe) {
        this.stripe = stripe;
    }

    @Override
    public String createExpressAccount(String country, String email, Map<String, String> metadata,
                                       String idempotencyKey) {
        AccountCreateParams params = AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS)
                .setCountry(country)
                .setEmail(email == null || email.isBlank() ? null : email)
                .setCapabilities(AccountCreateParams.Capabilities.builder()
                        .setTransfers(AccountCreateParams.Capabilities.Transfers.builder().setRequested(true).build())
                        .build())
                .putAllMetadata(metadata)
                .build();
        try {
            return stripe.client().v1().accounts()
                    .create(params, RequestOptions.builder().setIdempotencyKey(idempotencyKey).build()).getId();
        } catch (StripeException e) {
            throw new ConnectedAccountException("Stripe refused to create a connected account (" + idempotencyKey
                    + "): " + e.getMessage(), e);
        }
    }

    @Override
    public OnboardingLink createOnboardingLink(String accountId, String refreshUrl, String returnUrl) {
        AccountLinkCreateParams params = AccountLinkCreateParams.builder()
                .setAccount(accountId)
                .setRefreshUrl(refreshUrl)
                .setReturnUrl(returnUrl)
                .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                .build();
        try {
            AccountLink link = stripe.client().v1().accountLinks().create(params);
            return new OnboardingLink(link.getUrl(), Instant.ofEpochSecond(link.getExpiresAt()));
        } catch (StripeException e) {
            throw new ConnectedAccountException("Stripe refused an onboarding link for " + accountId + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public ConnectedAccountStatus retrieve(String accountId) {
        try {
            Account account = stripe.client().v1().accounts().retrieve(accountId);
            return ConnectAccountStates.of(account);
        } catch (StripeException e) {
            throw new ConnectedAccountException("Stripe did not return connected account " + accountId + ": "
                    + e.getMessage(), e);
        }
    }
}
