package dev.marketplace.routing.upstream;

import dev.marketplace.routing.upstream.UpstreamHttp.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST and its whole reply on the caller's own thread, over pooled keep-alive sockets: the
 * non-streaming upstream call. {@code java.net.http.HttpClient} hands every exchange from the calling thread to its
 * selector thread and its executor and back, three context switches per call that were about a quarter of the
 * gateway's CPU at 64 connections (decision 0020); streams keep using it, since they must not hold a thread.
 * What it does: {@code Content-Length} and chunked replies, {@code Connection: close}, TLS with host name
 * verification, a deadline for the whole exchange, replies bounded in size, and one retry when a pooled connection
 * turns out to have been closed by the upstream before it answered (nothing was processed then, so a POST may be
 * sent again). What it leaves out: proxies, redirects, compression, HTTP/2, {@code Expect: 100-continue}.
 */
final class KeepAliveHttp {
    static final int MAX_REPLY_BYTES = 32 * 1024 * 1024;
    static final int MAX_HEAD_BYTES = 64 * 1024;
    /** A connection idle longer than this is closed instead of reused (upstreams drop idle ones after 5–75 s). */
    static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(20);
    static final int MAX_IDLE_PER_ORIGIN = 1024;
    /** Bodies up to this size fit the socket's send buffer: writing them cannot block, so they need no watchdog. */
    static final int WATCHDOG_ABOVE_BYTES = 64 * 1024;

    private final int connectTimeoutMs;
    /** A host name is judged again for every new connection, and the socket goes to the address judged. */
    private final UpstreamAddresses addresses;
    private final ScheduledExecutorService watchdog;
    private final Map<String, IdlePool> idle = new ConcurrentHashMap<>();

    KeepAliveHttp(int connectTimeoutMs, ScheduledExecutorService watchdog, UpstreamAddresses addresses) {
        this.addresses = addresses;
        this.connectTimeoutMs = connectTimeoutMs;
        this.watchdog = watchdog;
    }

    /** The reply was larger than {@link #MAX_REPLY_BYTES} or its head malformed: the upstream's fault. */
    static final class BadReplyException extends IOException {
        BadReplyException(String message) {
            super(message);
        }
    }

    /**
     * POSTs {@code body} and reads the whole reply within {@code timeoutMs}.
     *
     * @throws HttpTimeoutException when the deadline passed first
     * @throws BadReplyException    when the reply is too large or not HTTP
     * @throws IOException          when the upstream could not be reached or broke the connection
     */
    Reply post(URI uri, boolean operatorTrusted, Map<String, String> headers, byte[] body, int timeoutMs)
            throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        String origin = origin(uri);
        byte[] head = head(uri, headers, body.length);
        while (true) {
            IdlePool pool = idle.computeIfAbsent(origin, o -> new IdlePool());
            Connection connection = pool.take();
            boolean reused = connection != null;
            if (!reused) {
                connection = connect(uri, operatorTrusted, deadline, timeoutMs);
            }
            try {
                Reply reply = exchange(connection, head, body, deadline, timeoutMs);
                if (connection.keepAlive) {
                    pool.give(connection);
                } else {
                    connection.close();
                }
                return reply;
            } catch (IOException e) {
                connection.close();
                boolean timedOut = e instanceof SocketTimeoutException || e instanceof HttpTimeoutException;
                if (reused && !connection.answered && !timedOut) {
                    pool.clear(); // the upstream closed it (restart, idle timeout): the others are likely stale too
                    continue; // nothing was answered, so the request may be sent again, on a fresh connection
                }
                throw e instanceof SocketTimeoutException ? timedOut(timeoutMs) : e;
            }
        }
    }

    void close() {
        idle.values().forEach(IdlePool::clear);
    }

    private Reply exchange(Connection connection, byte[] head, byte[] body, long deadline, int timeoutMs)
            throws IOException {
        ScheduledFuture<?> guard = body.length > WATCHDOG_ABOVE_BYTES
                ? watchdog.schedule(connection::close, remainingMs(deadline, timeoutMs), TimeUnit.MILLISECONDS) : null;
        connection.begin(deadline, timeoutMs);
        try {
            OutputStream out = connection.socket.getOutputStream();
            if (body.length <= WATCHDOG_ABOVE_BYTES) { // one write, one segment: the upstream reads it in one go
                byte[] request = Arrays.copyOf(head, head.length + body.length);
                System.arraycopy(body, 0, request, head.length, body.length);
                out.write(request);
            } else {
                out.write(head);
                out.write(body);
            }
            out.flush();
            return connection.readReply();
        } finally {
            if (guard != null) {
                guard.cancel(false);
            }
        }
    }

    private Connection connect(URI uri, boolean operatorTrusted, long deadline, int timeoutMs) throws IOException {
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(addresses.socketAddress(uri, port, operatorTrusted),
                    (int) Math.min(connectTimeoutMs, remainingMs(deadline, timeoutMs)));
            if (tls) {
                SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(socket, uri.getHost(), port, true);
                SSLParameters parameters = ssl.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
                ssl.setSSLParameters(parameters);
                ssl.setSoTimeout((int) remainingMs(deadline, timeoutMs));
                ssl.startHandshake();
                socket = ssl;
            }
            return new Connection(socket);
        } catch (SocketTimeoutException e) {
            socket.close();
            throw timedOut(timeoutMs);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Milliseconds left until the deadline, at least 1 (a socket timeout of 0 would mean none). */
    private static long remainingMs(long deadline, int timeoutMs) throws HttpTimeoutException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw timedOut(timeoutMs);
        }
        return left;
    }

    private static HttpTimeoutException timedOut(int timeoutMs) {
        return new HttpTimeoutException("no reply within " + timeoutMs + " ms");
    }

    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase() + ":" + uri.getPort();
    }

    /** The request line and headers; a header name or value with a line break is refused (header injection). */
    static byte[] head(URI uri, Map<String, String> headers, int contentLength) {
        StringBuilder head = new StringBuilder(256);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        head.append("POST ").append(path);
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(uri.getHost());
        if (uri.getPort() > 0) {
            head.append(':').append(uri.getPort());
        }
        head.append("\r\nContent-Length: ").append(contentLength).append("\r\n");
        headers.forEach((name, value) -> {
            if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header " + name.strip() + " contains a line break");
            }
            head.append(name).append(": ").append(value).append("\r\n");
        });
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A socket with its own read buffer (no lock per byte); used by one thread at a time. */
    private static final class Connection {
        final Socket socket;
        private final InputStream in;
        private final byte[] buffer = new byte[16 * 1024];
        private int position;
        private int limit;
        long idleSince;
        /** The current exchange's deadline ({@link System#nanoTime}) and timeout: every socket read waits until then at most. */
        private long deadline;
        private int timeoutMs;
        /** Whether any byte of a reply arrived on it during the current exchange. */
        boolean answered;
        boolean keepAlive;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
        }

        /** One read from the socket, waiting at most until the exchange's deadline. */
        private int readSocket(byte[] into, int offset, int length) throws IOException {
            socket.setSoTimeout((int) remainingMs(deadline, timeoutMs));
            return in.read(into, offset, length);
        }

        private int read() throws IOException {
            if (position == limit) {
                int n = readSocket(buffer, 0, buffer.length);
                if (n <= 0) {
                    return -1;
                }
                position = 0;
                limit = n;
            }
            return buffer[position++] & 0xff;
        }

        /** Up to {@code length} bytes: what is buffered, then straight from the socket; fewer only at its end. */
        private byte[] readUpTo(int length) throws IOException {
            int buffered = Math.min(limit - position, length);
            byte[] bytes = new byte[length];
            System.arraycopy(buffer, position, bytes, 0, buffered);
            position += buffered;
            int read = buffered;
            for (int n = 0; read < length && n >= 0; read += Math.max(n, 0)) {
                n = readSocket(bytes, read, length - read);
            }
            return read == length ? bytes : Arrays.copyOf(bytes, read);
        }

        /** A new exchange: nothing answered yet, and every read of its reply waits at most until {@code deadline}. */
        void begin(long deadline, int timeoutMs) {
            this.deadline = deadline;
            this.timeoutMs = timeoutMs;
            answered = false;
        }

        Reply readReply() throws IOException {
            while (true) {
                String statusLine = line(true);
                if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                    throw new BadReplyException("not an HTTP/1.x reply: " + excerpt(statusLine));
                }
                int status = parseStatus(statusLine);
                boolean http10 = statusLine.startsWith("HTTP/1.0");
                long contentLength = -1;
                boolean chunked = false;
                String connectionHeader = null;
                int headBytes = statusLine.length();
                for (String header = line(false); !header.isEmpty(); header = line(false)) {
                    headBytes += header.length();
                    if (headBytes > MAX_HEAD_BYTES) {
                        throw new BadReplyException("reply head larger than " + MAX_HEAD_BYTES + " bytes");
                    }
                    int colon = header.indexOf(':');
                    if (colon <= 0) {
                        continue;
                    }
                    String name = header.substring(0, colon).trim();
                    String value = header.substring(colon + 1).trim();
                    if (name.equalsIgnoreCase("Content-Length")) {
                        contentLength = parseLength(value);
                    } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                        chunked = value.toLowerCase().contains("chunked");
                    } else if (name.equalsIgnoreCase("Connection")) {
                        connectionHeader = value.toLowerCase();
                    }
                }
                if (status / 100 == 1) {
                    continue; // an interim reply (100 Continue): the real one follows
                }
                byte[] bytes;
                boolean untilClose = false;
                if (status == 204 || status == 304) {
                    bytes = new byte[0];
                } else if (chunked) {
                    bytes = chunkedBody();
                } else if (contentLength >= 0) {
                    bytes = fixedBody(contentLength);
                } else {
                    bytes = bodyUntilClose();
                    untilClose = true;
                }
                keepAlive = !untilClose && (http10
                        ? connectionHeader != null && connectionHeader.contains("keep-alive")
                        : connectionHeader == null || !connectionHeader.contains("close"));
                return new Reply(status, new String(bytes, StandardCharsets.UTF_8));
            }
        }

        private static int parseStatus(String statusLine) throws BadReplyException {
            try {
                return Integer.parseInt(statusLine.substring(9, 12));
            } catch (NumberFormatException e) {
                throw new BadReplyException("not an HTTP status: " + excerpt(statusLine));
            }
        }

        private static long parseLength(String value) throws BadReplyException {
            try {
                long length = Long.parseLong(value);
                if (length < 0) {
                    throw new NumberFormatException(value);
                }
                return length;
            } catch (NumberFormatException e) {
                throw new BadReplyException("bad Content-Length: " + excerpt(value));
            }
        }

        private byte[] fixedBody(long length) throws IOException {
            if (length > MAX_REPLY_BYTES) {
                throw tooLarge();
            }
            byte[] body = readUpTo((int) length);
            if (body.length < length) {
                throw new IOException("connection closed after " + body.length + " of " + length + " bytes");
            }
            return body;
        }

        private byte[] chunkedBody() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
            while (true) {
                String sizeLine = line(false);
                int semicolon = sizeLine.indexOf(';');
                long size;
                try {
                    size = Long.parseLong((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new BadReplyException("bad chunk size: " + excerpt(sizeLine));
                }
                if (size == 0) {
                    while (!line(false).isEmpty()) {
                        // trailers: ignored
                    }
                    return body.toByteArray();
                }
                if (size < 0 || body.size() + size > MAX_REPLY_BYTES) {
                    throw tooLarge();
                }
                body.write(fixedBody(size));
                if (!line(false).isEmpty()) {
                    throw new BadReplyException("chunk not followed by CRLF");
                }
            }
        }

        private byte[] bodyUntilClose() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
            body.write(buffer, position, limit - position);
            position = limit;
            byte[] chunk = new byte[8 * 1024];
            for (int n = readSocket(chunk, 0, chunk.length); n > 0; n = readSocket(chunk, 0, chunk.length)) {
                if (body.size() + n > MAX_REPLY_BYTES) {
                    throw tooLarge();
                }
                body.write(chunk, 0, n);
            }
            return body.toByteArray();
        }

        /** A line without its CRLF (or LF); the first read of a reply marks the connection as answered. */
        private String line(boolean first) throws IOException {
            StringBuilder line = new StringBuilder(64);
            while (true) {
                int b = read();
                if (b < 0) {
                    throw new IOException(first && line.isEmpty() ? "connection closed before a reply"
                            : "connection closed in the middle of a reply");
                }
                answered = true;
                if (b == '\n') {
                    int end = line.length();
                    if (end > 0 && line.charAt(end - 1) == '\r') {
                        line.setLength(end - 1);
                    }
                    return line.toString();
                }
                if (line.length() >= MAX_HEAD_BYTES) {
                    throw new BadReplyException("reply line longer than " + MAX_HEAD_BYTES + " bytes");
                }
                line.append((char) b);
            }
        }

        private static BadReplyException tooLarge() {
            return new BadReplyException("reply larger than " + MAX_REPLY_BYTES + " bytes");
        }

        private static String excerpt(String text) {
            return text.length() > 80 ? text.substring(0, 80) + "…" : text;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a socket we give up on: nothing more to do with it
            }
        }
    }

    /** Idle connections of one origin, most recently used first (warm, least likely closed by the upstream). */
    private static final class IdlePool {
        private final ConcurrentLinkedDeque<Connection> connections = new ConcurrentLinkedDeque<>();
        private final AtomicInteger size = new AtomicInteger();

        Connection take() {
            Connection connection;
            while ((connection = connections.pollFirst()) != null) {
                size.decrementAndGet();
                if (System.nanoTime() - connection.idleSince < MAX_IDLE_NANOS && !connection.socket.isClosed()) {
                    return connection;
                }
                connection.close();
            }
            return null;
        }

        void give(Connection connection) {
            connection.idleSince = System.nanoTime();
            if (size.incrementAndGet() > MAX_IDLE_PER_ORIGIN) {
                size.decrementAndGet();
                connection.close();
                return;
            }
            connections.offerFirst(connection);
            Connection oldest = connections.peekLast(); // the least used end ages: close what is past its idle time
            if (oldest != null && System.nanoTime() - oldest.idleSince >= MAX_IDLE_NANOS && connections.removeLastOccurrence(oldest)) {
                size.decrementAndGet();
                oldest.close();
            }
        }

        void clear() {
            Connection connection;
            while ((connection = connections.pollFirst()) != null) {
                size.decrementAndGet();
                connection.close();
            }
        }
    }
}
