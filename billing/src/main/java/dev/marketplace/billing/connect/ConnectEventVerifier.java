package dev.marketplace.billing.connect;

/**
 * Port to the Connect endpoint's signatures (its own signing secret, not the platform endpoint's): turns a raw
 * request body and its signature header into a {@link ConnectEvent}, or refuses it with
 * {@link dev.marketplace.billing.purchases.InvalidWebhookSignatureException}.
 */
public interface ConnectEventVerifier {

    ConnectEvent verify(byte[] payload, String signatureHeader);
}
