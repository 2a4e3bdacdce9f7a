package dev.marketplace.billing.infrastructure.stripe;

import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import dev.marketplace.billing.checkout.PaymentCustomers;
import dev.marketplace.billing.checkout.PaymentProviderException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Developers' Stripe customers, with the developer id in the customer's metadata. */
@ApplicationScoped
public class StripeCustomers implements PaymentCustomers {

    @Inject
    StripeAccess stripe;

    public StripeCustomers() {
        // for CDI
    }

    StripeCustomers(StripeAccess stripe) {
        this.stripe = stripe;
    }

    @Override
    public String create(long developerId, String email, String idempotencyKey) {
        CustomerCreateParams params = CustomerCreateParams.builder()
                .setEmail(email == null || email.isBlank() ? null : email)
                .putMetadata("developer_id", Long.toString(developerId))
                .build();
        try {
            Customer customer = stripe.client().v1().customers().create(params,
                    RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
            return customer.getId();
        } catch (StripeException e) {
            throw new PaymentProviderException("Stripe refused to create a customer for developer " + developerId
                    + ": " + e.getMessage(), e);
        }
    }
}
