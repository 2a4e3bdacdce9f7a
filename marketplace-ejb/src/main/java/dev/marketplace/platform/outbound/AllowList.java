package dev.marketplace.platform.outbound;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Origins ({@code scheme://host:port}) that an administrator seeded and that may therefore be private, such as the
 * built-in simulator and the mock upstreams of the test stack. Exact origins only: no wildcards, no paths.
 */
public record AllowList(Set<String> origins) {

    public static final AllowList NONE = new AllowList(Set.of());

    public AllowList {
        origins = origins.stream().map(AllowList::origin).collect(Collectors.toUnmodifiableSet());
    }

    /** From a comma-separated setting, e.g. {@code http://127.0.0.1:18080,http://localhost:8080}. */
    public static AllowList parse(String commaSeparated) {
        return new AllowList(Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet()));
    }

    boolean allows(URI uri) {
        return origins.contains(origin(uri.toString()));
    }

    static String origin(String url) {
        URI uri = URI.create(url.trim());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return scheme + "://" + host + ":" + port;
    }
}
