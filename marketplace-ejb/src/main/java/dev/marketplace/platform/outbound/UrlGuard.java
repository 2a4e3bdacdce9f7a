package dev.marketplace.platform.outbound;

import dev.marketplace.platform.Config;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether we may call a URL a provider gave us. Refused: schemes other than http(s), user info, names of
 * metadata services and {@code localhost}, IPv4 written other than as a dotted quad, and any host of which even
 * one resolved address is not public unicast ({@link AddressRules}). Origins on the {@link AllowList} skip the
 * address checks. Callers must not follow redirects (a redirect is a new, unchecked URL).
 */
public final class UrlGuard {

    private static final Set<String> BLOCKED_NAMES = Set.of("localhost", "metadata", "metadata.google.internal",
            "metadata.goog", "instance-data", "instance-data.ec2.internal");

    private final HostResolver resolver;
    private final AllowList allowList;

    public UrlGuard(HostResolver resolver, AllowList allowList) {
        this.resolver = resolver;
        this.allowList = allowList;
    }

    /** The guard for this process: the system resolver and the allow-list of {@code MARKET_OUTBOUND_ALLOW}. */
    public static UrlGuard fromConfig() {
        return new UrlGuard(HostResolver.system(), AllowList.parse(Config.get("outbound.allow", "")));
    }

    public CheckedUrl check(String url) {
        URI uri = parse(url);
        if (allowList.allows(uri)) {
            return new CheckedUrl(uri, List.of(), true);
        }
        String host = host(uri);
        List<InetAddress> addresses = addresses(host);
        Optional<Refusal> refused = firstRefused(addresses);
        if (refused.isPresent()) {
            throw new OutboundUrlRejectedException("The URL's host " + host + " is " + refused.get().reason() + " ("
                    + refused.get().address().getHostAddress() + "): only public addresses can be called");
        }
        return new CheckedUrl(uri, addresses, false);
    }

    /**
     * Where to connect when calling an upstream whose URL passed {@link #check} when it was registered: a host
     * <em>name</em> is resolved again now and every address must still be public (its DNS may have changed since, to
     * point at this network), and the call must go to the returned address, the one judged here. Empty means
     * "connect as the URL says": an IP literal was judged at registration and cannot change, and an allow-listed
     * origin is not checked.
     *
     * @throws OutboundUrlRejectedException when the name resolves to a loopback, private, metadata or other
     *                                      non-public address, or to nothing
     */
    public Optional<InetAddress> pinnedAddress(URI uri) {
        if (allowList.allows(uri)) {
            return Optional.empty();
        }
        String host = host(uri);
        if (host.startsWith("[") || Ipv4Literals.looksNumeric(host)) {
            return Optional.empty();
        }
        List<InetAddress> addresses = addresses(host);
        Optional<Refusal> refused = firstRefused(addresses);
        if (refused.isPresent()) {
            throw new OutboundUrlRejectedException("The upstream host " + host + " now resolves to "
                    + refused.get().address().getHostAddress() + ", " + refused.get().reason()
                    + ": only public addresses are called");
        }
        return Optional.of(addresses.get(0));
    }

    /** The first address that is not public unicast, and why. */
    private static Optional<Refusal> firstRefused(List<InetAddress> addresses) {
        for (InetAddress address : addresses) {
            Optional<String> reason = AddressRules.refusal(address);
            if (reason.isPresent()) {
                return Optional.of(new Refusal(address, reason.get()));
            }
        }
        return Optional.empty();
    }

    private record Refusal(InetAddress address, String reason) {
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new OutboundUrlRejectedException("The URL is empty");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new OutboundUrlRejectedException("The URL is not valid: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OutboundUrlRejectedException("The URL must start with https:// or http://, not '" + scheme + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new OutboundUrlRejectedException("The URL must not contain a user name or password");
        }
        if ((uri.getHost() == null || uri.getHost().isBlank()) && uri.getRawAuthority() == null) {
            throw new OutboundUrlRejectedException("The URL has no valid host name");
        }
        return uri;
    }

    private static String host(URI uri) {
        String host = (uri.getHost() != null ? uri.getHost() : authorityHost(uri.getRawAuthority())).toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (BLOCKED_NAMES.contains(host) || host.endsWith(".localhost")) {
            throw new OutboundUrlRejectedException("The URL's host " + host + " is a local or cloud metadata name");
        }
        if (host.contains("%")) {
            throw new OutboundUrlRejectedException("The URL's host must not carry an IPv6 zone: " + host);
        }
        return host;
    }

    /** The host of an authority that {@link URI} would not parse as a server (such as {@code 127.1:80}). */
    private static String authorityHost(String authority) {
        String host = authority.replaceFirst(":[0-9]*$", "");
        if (!Ipv4Literals.looksNumeric(host)) {
            throw new OutboundUrlRejectedException("The URL has no valid host name");
        }
        return host;
    }

    private List<InetAddress> addresses(String host) {
        if (host.startsWith("[")) {
            return List.of(ipv6Literal(host.substring(1, host.length() - 1)));
        }
        if (Ipv4Literals.looksNumeric(host)) {
            Optional<byte[]> decoded = Ipv4Literals.decode(host);
            if (decoded.isEmpty()) {
                throw new OutboundUrlRejectedException("The URL's host " + host + " is not a valid IPv4 address");
            }
            if (!Ipv4Literals.isCanonical(host)) {
                byte[] bytes = decoded.get();
                String meaning = Ipv4Literals.dotted(bytes);
                String why = AddressRules.refusal(bytes).map(reason -> ", " + reason).orElse("");
                throw new OutboundUrlRejectedException("The URL's host " + host + " is an unusual spelling of "
                        + meaning + why + ": write IPv4 addresses as four decimal numbers");
            }
            return List.of(AddressRules.literal(decoded.get()));
        }
        try {
            List<InetAddress> resolved = resolver.resolve(host);
            if (resolved.isEmpty()) {
                throw new OutboundUrlRejectedException("The URL's host " + host + " has no address");
            }
            return resolved;
        } catch (UnknownHostException e) {
            throw new OutboundUrlRejectedException("The URL's host " + host + " could not be resolved");
        }
    }

    private static InetAddress ipv6Literal(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new OutboundUrlRejectedException("The URL's host is not a valid IPv6 address: " + literal);
        }
    }
}
