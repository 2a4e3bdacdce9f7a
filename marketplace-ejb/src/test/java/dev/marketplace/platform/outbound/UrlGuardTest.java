package dev.marketplace.platform.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlGuardTest {

    /** A DNS that answers from a table, so that names can resolve to hostile addresses. */
    private static final Map<String, List<String>> DNS = Map.of(
            "api.example-provider.com", List.of("93.184.216.34"),
            "v6.example-provider.com", List.of("2606:2800:220:1:248:1893:25c8:1946"),
            "rebind.example.com", List.of("93.184.216.34", "10.0.0.5"),
            "internal.example.com", List.of("192.168.1.10"),
            "metadata-alias.example.com", List.of("169.254.169.254"),
            "v6-metadata.example.com", List.of("fd00:ec2::254"),
            "mapped.example.com", List.of("::ffff:127.0.0.1"),
            "empty.example.com", List.of());

    private static final HostResolver TABLE = host -> {
        List<String> answers = DNS.get(host);
        if (answers == null) {
            throw new UnknownHostException(host);
        }
        return answers.stream().map(UrlGuardTest::literal).toList();
    };

    private final UrlGuard guard = new UrlGuard(TABLE, AllowList.parse("http://127.0.0.1:18080, http://localhost:8380"));

    @ParameterizedTest(name = "{0} refused: {1}")
    @CsvSource(delimiter = '|', value = {
            // scheme, user info, host names
            "ftp://api.example-provider.com/models              | must start with https:// or http://",
            "file:///etc/passwd                                  | must start with https:// or http://",
            "https://user:pw@api.example-provider.com/models     | user name or password",
            "http://localhost/models                             | local or cloud metadata name",
            "http://LOCALHOST./models                            | local or cloud metadata name",
            "http://foo.localhost/models                         | local or cloud metadata name",
            "http://metadata.google.internal/computeMetadata/v1/ | local or cloud metadata name",
            "http://unknown.example.org/                         | could not be resolved",
            "http://empty.example.com/                           | has no address",
            // IPv4 literals, each range
            "http://127.0.0.1/                                   | a loopback address",
            "http://127.255.0.1:8080/                            | a loopback address",
            "http://10.1.2.3/                                    | private address (RFC 1918)",
            "http://172.16.0.1/                                  | private address (RFC 1918)",
            "http://172.31.255.255/                              | private address (RFC 1918)",
            "http://192.168.0.1/                                 | private address (RFC 1918)",
            "http://100.64.0.1/                                  | carrier-grade NAT",
            "http://100.127.255.255/                             | carrier-grade NAT",
            "http://169.254.169.254/latest/meta-data/            | a cloud metadata address",
            "http://169.254.1.1/                                 | a link-local address",
            "http://0.0.0.0/                                     | unspecified",
            "http://224.0.0.1/                                   | a multicast address",
            "http://239.255.255.250/                             | a multicast address",
            "http://255.255.255.255/                             | reserved or broadcast",
            "http://192.0.2.1/                                   | documentation",
            // other spellings of IPv4
            "http://2130706433/                                  | unusual spelling of 127.0.0.1, a loopback address",
            "http://0x7f000001/                                  | unusual spelling of 127.0.0.1, a loopback address",
            "http://0177.0.0.1/                                  | unusual spelling of 127.0.0.1, a loopback address",
            "http://0x7f.0.0.1/                                  | unusual spelling of 127.0.0.1, a loopback address",
            "http://127.1/                                       | unusual spelling of 127.0.0.1, a loopback address",
            "http://0xa9fea9fe/                                  | unusual spelling of 169.254.169.254, a cloud metadata",
            "http://3232235777/                                  | unusual spelling of 192.168.1.1, a private address",
            "http://010.0.0.1/                                   | unusual spelling of 8.0.0.1",
            "http://1.2.3.4.5/                                   | not a valid IPv4 address",
            "http://256.1.1.1/                                   | not a valid IPv4 address",
            "http://09.1.1.1/                                    | not a valid IPv4 address",
            // IPv6 literals
            "http://[::1]/                                       | a loopback address",
            "http://[::]/                                        | the unspecified address",
            "http://[fe80::1]/                                   | a link-local address",
            "http://[fc00::1]/                                   | unique local",
            "http://[fd12:3456::1]/                              | unique local",
            "http://[fd00:ec2::254]/                             | a cloud metadata address",
            "http://[ff02::1]/                                   | a multicast address",
            "http://[::ffff:127.0.0.1]/                          | a loopback address",
            "http://[::ffff:7f00:1]/                             | a loopback address",
            "http://[::ffff:a9fe:a9fe]/                          | a cloud metadata address",
            "http://[::127.0.0.1]/                               | a loopback address",
            "http://[64:ff9b::a00:1]/                            | a private address (RFC 1918) inside an IPv6 address",
            "http://[2002:c0a8:101::1]/                          | a private address (RFC 1918) inside an IPv6 address",
            "http://[2001:db8::1]/                               | documentation",
            // names that resolve somewhere bad: every address counts
            "http://internal.example.com/                        | a private address (RFC 1918) (192.168.1.10)",
            "http://rebind.example.com/                          | a private address (RFC 1918) (10.0.0.5)",
            "http://metadata-alias.example.com/                  | a cloud metadata address",
            "http://v6-metadata.example.com/                     | a cloud metadata address",
            "http://mapped.example.com/                          | a loopback address",
            // the allow-list is exact: another port or scheme of an allowed host is not allowed
            "http://127.0.0.1:18081/                             | a loopback address",
            "https://127.0.0.1:18080/                            | a loopback address",
    })
    void refuses(String url, String reason) {
        OutboundUrlRejectedException refused = assertThrows(OutboundUrlRejectedException.class, () -> guard.check(url));
        assertTrue(refused.getMessage().contains(reason), () -> "message for " + url + ": " + refused.getMessage());
    }

    @ParameterizedTest(name = "{0} allowed")
    @CsvSource({
            "https://api.example-provider.com/v1/models",
            "http://api.example-provider.com:8443/models",
            "https://v6.example-provider.com/models",
            "https://93.184.216.34/models",
            "https://[2606:2800:220:1:248:1893:25c8:1946]/models",
            "https://API.Example-Provider.com./models",
    })
    void allowsPublicDestinations(String url) {
        CheckedUrl checked = guard.check(url);
        assertEquals(false, checked.allowListed());
        assertTrue(!checked.addresses().isEmpty());
    }

    @ParameterizedTest(name = "{0} allow-listed")
    @CsvSource({"http://127.0.0.1:18080/v1/models", "http://localhost:8380/api/sim/v1/models", "HTTP://LOCALHOST:8380/x"})
    void allowListedOriginsSkipTheAddressCheck(String url) {
        assertTrue(guard.check(url).allowListed());
    }

    @Test
    void withoutAnAllowListLoopbackIsRefused() {
        UrlGuard strict = new UrlGuard(TABLE, AllowList.NONE);
        assertThrows(OutboundUrlRejectedException.class, () -> strict.check("http://127.0.0.1:18080/v1/models"));
    }

    @ParameterizedTest(name = "a call to {0} goes to {1}")
    @CsvSource({"https://api.example-provider.com/v1/chat/completions, 93.184.216.34",
            "https://v6.example-provider.com/v1, 2606:2800:220:1:248:1893:25c8:1946"})
    void callsToANameGoToTheAddressJudgedNow(String url, String address) {
        assertEquals(Optional.of(literal(address)), guard.pinnedAddress(URI.create(url)));
    }

    @ParameterizedTest(name = "a call to {0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "https://rebind.example.com/v1          | 10.0.0.5",
            "https://internal.example.com/v1        | 192.168.1.10",
            "http://metadata-alias.example.com/v1   | 169.254.169.254",
            "http://v6-metadata.example.com/v1      | fd00:ec2:0:0:0:0:0:254",
            "http://mapped.example.com/v1           | 127.0.0.1",
            "http://localhost:8080/v1               | local or cloud metadata name",
            "http://empty.example.com/v1            | has no address",
            "http://gone.example.com/v1             | could not be resolved"})
    void callsToANameThatNowResolvesToThisNetworkAreRefused(String url, String reason) {
        OutboundUrlRejectedException e = assertThrows(OutboundUrlRejectedException.class,
                () -> guard.pinnedAddress(URI.create(url)));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest(name = "a call to {0} connects as written")
    @CsvSource({"http://127.0.0.1:18080/v1", "http://localhost:8380/api/sim/v1", "http://10.0.0.7:8000/v1",
            "http://[fd00::1]:8000/v1", "https://203.0.113.9/v1"})
    void literalsAndAllowListedOriginsAreNotResolvedAgain(String url) {
        // a literal was judged when the URL was registered and cannot change; the allow-list is the operator's
        assertEquals(Optional.empty(), guard.pinnedAddress(URI.create(url)));
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
