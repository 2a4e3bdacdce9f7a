package dev.marketplace.platform.outbound;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises the IPv4 spellings that C's {@code inet_aton}, curl and browsers accept besides the dotted quad:
 * {@code 2130706433}, {@code 0x7f000001}, {@code 0177.0.0.1}, {@code 127.1}. A host whose last label is a number is
 * an IPv4 literal (no top-level domain is numeric), so it is decoded here, never sent to DNS.
 */
final class Ipv4Literals {

    private static final Pattern NUMBER = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");
    private static final Pattern CANONICAL_PART = Pattern.compile("0|[1-9][0-9]{0,2}");

    private Ipv4Literals() {
    }

    /** Does this host look like a numeric IPv4 address (in any spelling), rather than a domain name? */
    static boolean looksNumeric(String host) {
        String[] labels = host.split("\\.", -1);
        return NUMBER.matcher(labels[labels.length - 1]).matches();
    }

    /** The four bytes the host means, or empty when it is not a valid numeric IPv4 spelling at all. */
    static Optional<byte[]> decode(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Optional<Long> value = number(parts[i]);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values[i] = value.get();
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[parts.length - 1];
        int lastBytes = 4 - (parts.length - 1);
        if (last >= (1L << (8 * lastBytes))) {
            return Optional.empty();
        }
        address |= last;
        return Optional.of(new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address});
    }

    /** Is this the one spelling we accept: four decimal parts 0-255 without leading zeros? */
    static boolean isCanonical(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (!CANONICAL_PART.matcher(part).matches() || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Long> number(String part) {
        if (!NUMBER.matcher(part).matches() || part.length() > 12) {
            return Optional.empty();
        }
        try {
            if (part.startsWith("0x") || part.startsWith("0X")) {
                return Optional.of(part.length() == 2 ? 0L : Long.parseLong(part.substring(2), 16));
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Optional.of(Long.parseLong(part.substring(1), 8));
            }
            return Optional.of(Long.parseLong(part));
        } catch (NumberFormatException notOctal) {
            return Optional.empty();
        }
    }

    static String dotted(byte[] address) {
        return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
    }
}
