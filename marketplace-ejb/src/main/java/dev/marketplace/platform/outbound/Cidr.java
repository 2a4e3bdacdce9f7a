package dev.marketplace.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block, {@code network/prefixLength}, with the reason it is refused. */
record Cidr(byte[] network, int prefixLength, String reason) {

    static Cidr of(String cidr, String reason) {
        int slash = cidr.indexOf('/');
        try {
            byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            int prefix = Integer.parseInt(cidr.substring(slash + 1));
            if (cidr.contains(":") && network.length == 4) {
                throw new IllegalArgumentException("an IPv6 block the JDK turned into IPv4: " + cidr);
            }
            return new Cidr(network, prefix, reason);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a literal block: " + cidr, e);
        }
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int restBits = prefixLength % 8;
        if (restBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - restBits)) & 0xff;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}
