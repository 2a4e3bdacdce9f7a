package dev.marketplace.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which IP addresses an outbound call may reach: only public unicast ones. IPv6 forms that carry an IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by the IPv4 address inside. Order matters only for the
 * message: the more specific reason (cloud metadata) is listed before the block that contains it.
 */
public final class AddressRules {

    private static final List<Cidr> IPV4 = List.of(
            Cidr.of("169.254.169.254/32", "a cloud metadata address"),
            Cidr.of("100.100.100.200/32", "a cloud metadata address"),
            Cidr.of("0.0.0.0/8", "an unspecified (\"this network\") address"),
            Cidr.of("10.0.0.0/8", "a private address (RFC 1918)"),
            Cidr.of("100.64.0.0/10", "a carrier-grade NAT address (RFC 6598)"),
            Cidr.of("127.0.0.0/8", "a loopback address"),
            Cidr.of("169.254.0.0/16", "a link-local address"),
            Cidr.of("172.16.0.0/12", "a private address (RFC 1918)"),
            Cidr.of("192.0.0.0/24", "a reserved protocol-assignment address"),
            Cidr.of("192.0.2.0/24", "a documentation address"),
            Cidr.of("192.88.99.0/24", "a 6to4 relay address"),
            Cidr.of("192.168.0.0/16", "a private address (RFC 1918)"),
            Cidr.of("198.18.0.0/15", "a benchmarking address"),
            Cidr.of("198.51.100.0/24", "a documentation address"),
            Cidr.of("203.0.113.0/24", "a documentation address"),
            Cidr.of("224.0.0.0/4", "a multicast address"),
            Cidr.of("240.0.0.0/4", "a reserved or broadcast address"));

    private static final List<Cidr> IPV6 = List.of(
            Cidr.of("fd00:ec2::254/128", "a cloud metadata address"),
            Cidr.of("::/128", "the unspecified address"),
            Cidr.of("::1/128", "a loopback address"),
            Cidr.of("100::/64", "a discard-only address"),
            Cidr.of("2001::/32", "a Teredo tunnel address"),
            Cidr.of("2001:db8::/32", "a documentation address"),
            Cidr.of("fc00::/7", "a unique local (private) address"),
            Cidr.of("fe80::/10", "a link-local address"),
            Cidr.of("fec0::/10", "a site-local address"),
            Cidr.of("ff00::/8", "a multicast address"));

    /** ::ffff:0:0/96, built by hand: the JDK parses that literal as the IPv4 address 0.0.0.0. */
    private static final Cidr MAPPED = new Cidr(
            new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0}, 96, "IPv4-mapped");
    private static final Cidr COMPATIBLE = Cidr.of("::/96", "IPv4-compatible");
    private static final Cidr NAT64 = Cidr.of("64:ff9b::/96", "NAT64");
    private static final Cidr SIX_TO_FOUR = Cidr.of("2002::/16", "6to4");

    private AddressRules() {
    }

    /** Why this address may not be called, or empty when it is public unicast. */
    public static Optional<String> refusal(InetAddress address) {
        return refusal(address.getAddress());
    }

    static Optional<String> refusal(byte[] address) {
        if (address.length == 4) {
            return first(IPV4, address);
        }
        Optional<byte[]> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            return first(IPV4, embedded.get()).map(reason -> reason + " inside an IPv6 address");
        }
        return first(IPV6, address);
    }

    private static Optional<byte[]> embeddedIpv4(byte[] v6) {
        if (MAPPED.contains(v6) || NAT64.contains(v6)) {
            return Optional.of(Arrays.copyOfRange(v6, 12, 16));
        }
        if (COMPATIBLE.contains(v6) && !IPV6.get(1).contains(v6) && !IPV6.get(2).contains(v6)) {
            return Optional.of(Arrays.copyOfRange(v6, 12, 16));
        }
        if (SIX_TO_FOUR.contains(v6)) {
            return Optional.of(Arrays.copyOfRange(v6, 2, 6));
        }
        return Optional.empty();
    }

    private static Optional<String> first(List<Cidr> blocks, byte[] address) {
        return blocks.stream().filter(block -> block.contains(address)).map(Cidr::reason).findFirst();
    }

    /** A literal address (no DNS), for callers that already hold one as text. */
    static InetAddress literal(byte[] address) {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 address length: " + address.length, e);
        }
    }
}
