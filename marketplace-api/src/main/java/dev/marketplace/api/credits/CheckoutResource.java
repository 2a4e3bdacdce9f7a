package dev.marketplace.api.credits;

import dev.marketplace.billing.checkout.ConfirmedCheckout;
import dev.marketplace.billing.checkout.InvalidPurchaseException;
import dev.marketplace.billing.checkout.PurchaseQuote;
import dev.marketplace.billing.checkout.StartedCheckout;
import dev.marketplace.billing.money.Money;
import dev.marketplace.credits.application.BuyCredits;
import dev.marketplace.platform.JsonP;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.net.URI;

/**
 * {@code POST /v1/credits/checkout} {@code {"amount": "10.00"}} → a Stripe Checkout URL for buying that much credit
 * (with the purchase fee, if any, on top); {@code POST /v1/credits/checkout/{id}/confirm} → the session's state,
 * credited now if it is paid and the webhook has not done it yet (what the portal's success page does).
 */
@Path("/v1/credits/checkout")
@RequestScoped
public class CheckoutResource {

    static final int MAX_BODY_CHARS = 4096;

    @Inject
    BuyCredits credits;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String start(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        StartedCheckout started = credits.start(authorization, amount(body), origin(uri.getBaseUri()));
        PurchaseQuote q = started.quote();
        return JsonP.createObjectBuilder().add("data", JsonP.createObjectBuilder()
                .add("id", started.sessionId())
                .add("url", started.url())
                .add("amount", usd(q.creditCents()))
                .add("fee", usd(q.feeCents()))
                .add("total", usd(q.totalCents()))).build().toString();
    }

    @POST
    @Path("/{session}/confirm")
    @Produces(MediaType.APPLICATION_JSON)
    public String confirm(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @PathParam("session") String session) {
        ConfirmedCheckout confirmed = credits.confirm(authorization, session);
        return JsonP.createObjectBuilder().add("data", JsonP.createObjectBuilder()
                .add("id", confirmed.sessionId())
                .add("credited", confirmed.credited())
                .add("outcome", confirmed.outcome().columnValue())).build().toString();
    }

    /** The amount as text: a JSON string or number of dollars; billing parses and checks it. */
    static String amount(String body) {
        if (body == null || body.isBlank() || body.length() > MAX_BODY_CHARS) {
            throw new InvalidPurchaseException("Send a JSON body such as {\"amount\": \"10.00\"} (US dollars).");
        }
        JsonObject object;
        try (JsonReader reader = JsonP.createReader(new StringReader(body))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidPurchaseException("The body is not a JSON object: " + e.getMessage());
        }
        JsonValue amount = object.get("amount");
        if (amount instanceof JsonString s) {
            return s.getString();
        }
        if (amount instanceof JsonNumber n) {
            return n.bigDecimalValue().toPlainString();
        }
        throw new InvalidPurchaseException("amount is required: US dollars as a string or number, e.g. \"10.00\".");
    }

    /** {@code http://host:port/api/} → {@code http://host:port}: the portal is served from the same origin. */
    static String origin(URI base) {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    private static String usd(long cents) {
        return Money.toUsd(Math.multiplyExact(cents, 10_000L)).setScale(2).toPlainString();
    }
}
