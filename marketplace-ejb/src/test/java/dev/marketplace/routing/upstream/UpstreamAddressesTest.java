package dev.marketplace.routing.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.platform.outbound.AllowList;
import dev.marketplace.platform.outbound.UrlGuard;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The gateway's connections to upstreams whose names were judged at registration and pointed elsewhere since:
 * judged again when a connection opens, and the socket goes to the address judged (decision 0025).
 */
class UpstreamAddressesTest {

    /** A DNS that answers from a table: one provider's name now points at this machine. */
    private static final Map<String, String> DNS = Map.of(
            "api.example-provider.com", "93.184.216.34",
            "rebound.example-provider.com", "127.0.0.1",
            "metadata.example-provider.com", "169.254.169.254");

    private final UpstreamAddresses addresses = new UpstreamAddresses(new UrlGuard(host -> {
        String answer = DNS.get(host);
        if (answer == null) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(answer));
    }, AllowList.parse("http://allowed.example-provider.com:8000")));

    @Test
    void aNameConnectsToTheAddressJudgedNotToWhateverItResolvesToLater() throws Exception {
        InetSocketAddress socket = addresses.socketAddress(URI.create("https://api.example-provider.com/v1"), 443, false);

        assertFalse(socket.isUnresolved(), "the socket is given the address, not the name to resolve again");
        assertEquals(InetAddress.getByName("93.184.216.34"), socket.getAddress());
        assertEquals(443, socket.getPort());
    }

    @Test
    void aNameNowPointingAtThisNetworkIsAConnectFailureThatNamesTheAddress() {
        ConnectException loopback = assertThrows(ConnectException.class,
                () -> addresses.socketAddress(URI.create("http://rebound.example-provider.com:18080/v1"), 18080, false));
        ConnectException metadata = assertThrows(ConnectException.class,
                () -> addresses.check(URI.create("http://metadata.example-provider.com/v1"), false));

        assertTrue(loopback.getMessage().contains("127.0.0.1"), loopback.getMessage());
        assertTrue(metadata.getMessage().contains("169.254.169.254"), metadata.getMessage());
    }

    @Test
    void literalsTheOperatorsEndpointsAndAllowListedOriginsConnectAsWritten() throws Exception {
        InetSocketAddress literal = addresses.socketAddress(URI.create("http://127.0.0.1:18080/v1"), 18080, false);
        InetSocketAddress seeded = addresses.socketAddress(URI.create("http://rebound.example-provider.com:11434/v1"),
                11434, true);
        InetSocketAddress allowed = addresses.socketAddress(URI.create("http://allowed.example-provider.com:8000/v1"),
                8000, false);

        assertEquals("127.0.0.1", literal.getHostString());
        assertTrue(seeded.isUnresolved(), "an operator's own name is resolved by the connection, as written");
        assertEquals("rebound.example-provider.com", seeded.getHostString());
        assertTrue(allowed.isUnresolved());
        addresses.check(URI.create("http://metadata.example-provider.com/v1"), true);
    }

    @Test
    void theKeepAliveClientNeverOpensAConnectionToARefusedAddress() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = server.accept()) {
                    accepted.incrementAndGet();
                } catch (IOException closed) {
                    // the server closed at the end of the test: nothing connected
                }
            });
            acceptor.start();
            KeepAliveHttp http = new KeepAliveHttp(2_000, watchdog, addresses);
            URI rebound = URI.create("http://rebound.example-provider.com:" + server.getLocalPort() + "/v1/chat/completions");

            assertThrows(ConnectException.class, () -> http.post(rebound, false, Map.of(), new byte[0], 2_000));
            http.close();
            server.close();
            acceptor.join(2_000);
            assertEquals(0, accepted.get());
        } finally {
            watchdog.shutdownNow();
        }
    }
}
