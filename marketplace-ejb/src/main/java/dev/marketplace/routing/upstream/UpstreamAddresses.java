package dev.marketplace.routing.upstream;

import dev.marketplace.platform.outbound.OutboundUrlRejectedException;
import dev.marketplace.platform.outbound.UrlGuard;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;

/**
 * Where the gateway may connect for an upstream call (decision 0025). A provider's URL passed the outbound guard when
 * it was registered, but a host <em>name</em> can be pointed elsewhere afterwards (a changed DNS record, or DNS
 * rebinding) at this network's private services or the cloud metadata address. So a provider's name is resolved and
 * judged again whenever a connection is opened, and the connection goes to the address judged. Connected as written:
 * IP literals (judged at registration, unchangeable), the operator's endpoints (seed file, built-in simulator:
 * {@code operatorTrusted}) and allow-listed origins ({@code MARKET_OUTBOUND_ALLOW}).
 */
final class UpstreamAddresses {

    private final UrlGuard guard;

    UpstreamAddresses(UrlGuard guard) {
        this.guard = guard;
    }

    /** The system resolver and the allow-list of {@code MARKET_OUTBOUND_ALLOW}. */
    static UpstreamAddresses fromConfig() {
        return new UpstreamAddresses(UrlGuard.fromConfig());
    }

    /** The address to open a socket to for {@code uri}. */
    InetSocketAddress socketAddress(URI uri, int port, boolean operatorTrusted) throws RefusedAddressException {
        Optional<InetAddress> pinned = operatorTrusted ? Optional.empty() : pinned(uri);
        return pinned.isPresent() ? new InetSocketAddress(pinned.get(), port) : new InetSocketAddress(uri.getHost(), port);
    }

    /**
     * Judges {@code uri} for a client that resolves the name itself ({@code HttpClient}, streams): it connects through
     * the JVM's DNS cache, so to the address judged here unless the cache entry expires in between.
     */
    void check(URI uri, boolean operatorTrusted) throws RefusedAddressException {
        if (!operatorTrusted) {
            pinned(uri);
        }
    }

    private Optional<InetAddress> pinned(URI uri) throws RefusedAddressException {
        try {
            return guard.pinnedAddress(uri);
        } catch (OutboundUrlRejectedException e) {
            throw new RefusedAddressException(e.getMessage());
        }
    }

    /** The upstream's name resolves to an address the gateway does not call: a failed connection, to fail over on. */
    static final class RefusedAddressException extends ConnectException {
        RefusedAddressException(String message) {
            super(message);
        }
    }
}
