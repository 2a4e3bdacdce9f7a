package dev.marketplace.platform.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/** A URL that passed the guard, with the addresses it was checked against (empty when allow-listed). */
public record CheckedUrl(URI uri, List<InetAddress> addresses, boolean allowListed) {
}
