package dev.marketplace.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name into every address it resolves to (DNS in production, a table in tests). */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    /**
     * The JVM's resolver. The JVM caches answers (30 s by default), and {@code HttpClient} connects through the
     * same cache, so the address checked is the address connected to unless the cache expired in between.
     */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
