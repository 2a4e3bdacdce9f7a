package dev.marketplace.routing.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The blocking keep-alive client against a raw socket server that answers exactly as each test scripts it: reuse of
 * kept connections, chunked and close-delimited replies, the retry of a connection the upstream closed while it was
 * pooled, deadlines, bounds, and no header injection.
 */
class KeepAliveHttpTest {
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    private final KeepAliveHttp http = new KeepAliveHttp(2_000, watchdog, UpstreamAddresses.fromConfig());
    private ScriptedServer server;

    @AfterEach
    void stop() throws IOException {
        http.close();
        watchdog.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aKeptConnectionServesTheNextCallAndTheRequestCarriesBodyAndHeaders() throws Exception {
        server = new ScriptedServer(request -> reply(200, "Content-Length", "{\"ok\":1}"), false);
        UpstreamHttp.Reply first = http.post(server.uri("/v1/chat/completions?x=1"), false, Map.of("Authorization", "Bearer k"),
                "{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8), 2_000);
        UpstreamHttp.Reply second = http.post(server.uri("/v1/chat/completions"), false, Map.of(), new byte[0], 2_000);

        assertEquals(200, first.status());
        assertEquals("{\"ok\":1}", first.body());
        assertEquals(200, second.status());
        assertEquals(1, server.connections.get(), "the second call reused the first call's connection");
        String request = server.requests.get(0);
        assertTrue(request.startsWith("POST /v1/chat/completions?x=1 HTTP/1.1\r\n"), request);
        assertTrue(request.contains("\r\nHost: 127.0.0.1:" + server.port() + "\r\n"), request);
        assertTrue(request.contains("\r\nContent-Length: 10\r\n"), request);
        assertTrue(request.contains("\r\nAuthorization: Bearer k\r\n"), request);
        assertTrue(request.endsWith("\r\n\r\n{\"a\":\"é\"}"), request);
    }

    @Test
    void chunkedRepliesAreJoinedAndTheConnectionKept() throws Exception {
        server = new ScriptedServer(request -> ("HTTP/1.1 502 Bad Gateway\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nTrailer: x\r\n\r\n").getBytes(StandardCharsets.UTF_8), false);
        for (int i = 0; i < 3; i++) {
            UpstreamHttp.Reply reply = http.post(server.uri("/"), false, Map.of(), new byte[0], 2_000);
            assertEquals(502, reply.status());
            assertEquals("hello, world", reply.body());
        }
        assertEquals(1, server.connections.get());
    }

    @Test
    void aReplyEndedByClosingOrAskingToCloseIsNotReused() throws Exception {
        server = new ScriptedServer(request -> "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end"
                .getBytes(StandardCharsets.UTF_8), true);
        assertEquals("until the end", http.post(server.uri("/"), false, Map.of(), new byte[0], 2_000).body());
        assertEquals("until the end", http.post(server.uri("/"), false, Map.of(), new byte[0], 2_000).body());
        assertEquals(2, server.connections.get());
    }

    @Test
    void aPooledConnectionTheUpstreamClosedIsRetriedOnceOnAFreshOne() throws Exception {
        // the server answers with keep-alive and then closes anyway (an idle timeout, a restart): the kept connection is dead
        server = new ScriptedServer(request -> reply(200, "Content-Length", "fine"), true);
        assertEquals("fine", http.post(server.uri("/"), false, Map.of(), new byte[0], 2_000).body());
        Thread.sleep(50); // let the close arrive
        assertEquals("fine", http.post(server.uri("/"), false, Map.of(), "again".getBytes(StandardCharsets.UTF_8), 2_000).body());
        assertEquals(2, server.connections.get());
        assertEquals(2, server.requests.size(), "the request reached the upstream once per call: never twice");
    }

    @Test
    void anUpstreamThatDoesNotAnswerInTimeIsATimeoutAndThePoolDropsItsConnection() throws Exception {
        server = new ScriptedServer(request -> null, false); // reads the request, never answers
        long started = System.nanoTime();
        assertThrows(HttpTimeoutException.class, () -> http.post(server.uri("/"), false, Map.of(), new byte[0], 300));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMs >= 290 && tookMs < 2_000, "took " + tookMs + " ms");
        assertEquals(1, server.requests.size(), "a timed-out call is not sent again");
    }

    @Test
    void anUpstreamThatTricklesItsReplyIsCutAtTheDeadline() throws Exception {
        server = new ScriptedServer(request -> null, false) {
            @Override
            void answer(OutputStream out) throws IOException, InterruptedException {
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 1000; i++) { // a byte every 100 ms: each read is answered well within the timeout
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            }
        };
        long started = System.nanoTime();
        assertThrows(HttpTimeoutException.class, () -> http.post(server.uri("/"), false, Map.of(), new byte[0], 500));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMs < 1_500, "the whole exchange is bounded, not each read: took " + tookMs + " ms");
    }

    @Test
    void nothingListeningIsAnIoFailureNotATimeout() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        IOException e = assertThrows(IOException.class,
                () -> http.post(URI.create("http://127.0.0.1:" + port + "/"), false, Map.of(), new byte[0], 1_000));
        assertTrue(!(e instanceof HttpTimeoutException), e.toString());
    }

    @Test
    void aReplyLargerThanTheBoundOrNotHttpIsABadReply() throws Exception {
        server = new ScriptedServer(request -> ("HTTP/1.1 200 OK\r\nContent-Length: " + (KeepAliveHttp.MAX_REPLY_BYTES + 1)
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8), false);
        assertThrows(KeepAliveHttp.BadReplyException.class, () -> http.post(server.uri("/"), false, Map.of(), new byte[0], 2_000));
        server.close();
        server = new ScriptedServer(request -> "SSH-2.0-OpenSSH\r\n".getBytes(StandardCharsets.UTF_8), true);
        assertThrows(KeepAliveHttp.BadReplyException.class, () -> http.post(server.uri("/"), false, Map.of(), new byte[0], 2_000));
    }

    @Test
    void aHeaderWithALineBreakIsRefusedBeforeAnythingIsSent() {
        assertThrows(IllegalArgumentException.class, () -> KeepAliveHttp.head(URI.create("http://h/p"),
                Map.of("Authorization", "Bearer k\r\nX-Injected: 1"), 0));
    }

    private static byte[] reply(int status, String framing, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return ("HTTP/1.1 " + status + " X\r\n" + framing + ": " + bytes.length + "\r\nContent-Type: application/json\r\n\r\n"
                + body).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Accepts connections on loopback and answers each request (head and Content-Length body) with what the script
     * returns for it (null: no answer, the connection stays open); closes after each reply when told to.
     */
    private static class ScriptedServer implements AutoCloseable {
        final AtomicInteger connections = new AtomicInteger();
        final List<String> requests = new CopyOnWriteArrayList<>();
        private final ServerSocket socket;
        private final List<Socket> open = new ArrayList<>();

        ScriptedServer(Function<String, byte[]> script, boolean closeAfterReply) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        connections.incrementAndGet();
                        synchronized (open) {
                            open.add(s);
                        }
                        Thread serving = new Thread(() -> serve(s, script, closeAfterReply));
                        serving.setDaemon(true);
                        serving.start();
                    } catch (IOException e) {
                        return; // closed
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port() + path);
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(Socket s, Function<String, byte[]> script, boolean closeAfterReply) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                while (true) {
                    String request = readRequest(in);
                    if (request == null) {
                        return;
                    }
                    requests.add(request);
                    byte[] answer = script.apply(request);
                    if (answer == null) {
                        answer(out);
                        in.readAllBytes(); // hold the connection until the client gives up
                        return;
                    }
                    out.write(answer);
                    out.flush();
                    if (closeAfterReply) {
                        return;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the client went away, or the test ended
            }
        }

        /** What to send when the script has no reply for a request: nothing, unless a test says otherwise. */
        void answer(OutputStream out) throws IOException, InterruptedException {
        }

        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                String text = head.toString(StandardCharsets.UTF_8);
                if (text.endsWith("\r\n\r\n")) {
                    int length = 0;
                    for (String line : text.split("\r\n")) {
                        if (line.toLowerCase().startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (open) {
                for (Socket s : open) {
                    s.close();
                }
            }
        }
    }
}
