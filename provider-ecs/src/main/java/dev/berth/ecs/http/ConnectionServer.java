package dev.berth.ecs.http;

import com.sun.net.httpserver.HttpHandler;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP/1.1 on blocking sockets, one thread per connection: the thread reads a request, runs the
 * handler, waits until the exchange is closed (the handler may answer from another thread), and
 * reads the next request of the connection. The JDK's {@code HttpServer} hands every request
 * from one selector thread to a pool and every answer back to that thread through one lock:
 * under the load test on two cores each of those hand-offs waited for a core, and threads
 * queued on the lock while its holder was descheduled (831 waits of 7 ms on average in 40 s;
 * bench/README.md). Here a request wakes the one thread that reads its connection.
 * <p>
 * What it speaks: requests with a {@code Content-Length} body or none ({@code Transfer-Encoding}
 * is refused with 411, as no ECS client sends one), {@code Expect: 100-continue}, keep-alive
 * (HTTP/1.1's default; {@code Connection: close} and HTTP/1.0 without keep-alive end the
 * connection after the answer), answers written whole in one send with {@code Content-Length}.
 */
final class ConnectionServer implements AutoCloseable {
    /** More connections wait to be accepted until one closes. */
    static final int MAX_CONNECTIONS = 256;
    /** A connection with no request for this long is closed, as a browser's idle one would be. */
    static final int IDLE_MILLIS = 60_000;
    /** A request line or header line longer than this is refused with 431 (the JDK's server refuses too). */
    static final int MAX_LINE = 16 * 1024;
    static final int MAX_HEADERS = 200;

    private final ServerSocket socket;
    private final HttpHandler handler;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threads = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    private ConnectionServer(ServerSocket socket, HttpHandler handler) {
        this.socket = socket;
        this.handler = handler;
        this.acceptor = new Thread(this::accept, "berth-http-accept");
        acceptor.setDaemon(true);
    }

    static ConnectionServer start(InetSocketAddress address, int backlog, HttpHandler handler) {
        ServerSocket socket;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(address, backlog);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage(), e);
        }
        ConnectionServer server = new ConnectionServer(socket, handler);
        server.acceptor.start();
        return server;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void accept() {
        while (!closed) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                return;
            }
            Socket s;
            try {
                s = socket.accept();
            } catch (IOException e) {
                slots.release();
                if (closed) return;
                continue; // one failed accept (the peer gave up) ends nothing else
            }
            open.add(s);
            Thread t = new Thread(() -> serve(s), "berth-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(IDLE_MILLIS);
            InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
            while (!closed) {
                Request request = Request.read(in);
                if (request == null) return; // the client closed the connection between requests
                if (request.problem() != null) {
                    Exchange.refuse(s, request.problem());
                    return;
                }
                Exchange exchange = new Exchange(s, in, request);
                try {
                    handler.handle(exchange);
                } catch (RuntimeException | IOException e) {
                    exchange.failed();
                }
                if (!exchange.awaitClosed() || !request.keepAlive()) return;
            }
        } catch (IOException e) {
            // The client went away or was idle too long: nothing to answer.
        } finally {
            open.remove(s);
            slots.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        acceptor.interrupt();
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Its thread ends on the closed socket.
            }
        }
    }

    /** A request's head as read from the connection; {@code problem} set when it is refused before any handler. */
    record Request(String method, String target, String protocol, com.sun.net.httpserver.Headers headers,
                   long contentLength, boolean keepAlive, Refusal problem) {
        record Refusal(int status, String reason) {
        }

        static Request refused(int status, String reason) {
            return new Request(null, null, null, null, 0, false, new Refusal(status, reason));
        }

        /** The next request's head, or null when the connection ended before one began. */
        static Request read(InputStream in) throws IOException {
            String line;
            do {
                line = line(in, true);
                if (line == null) return null;
            } while (line.isEmpty()); // a stray CRLF between requests is allowed (RFC 9112, 2.2)
            if (line.length() > MAX_LINE) return refused(431, "Request Header Fields Too Large");
            String[] parts = line.split(" ", -1);
            if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !parts[2].startsWith("HTTP/1.")) {
                return refused(400, "Bad Request");
            }
            com.sun.net.httpserver.Headers headers = new com.sun.net.httpserver.Headers();
            for (int n = 0; ; n++) {
                String h = line(in, false);
                if (h == null) throw new IOException("the connection ended inside a request's headers");
                if (h.isEmpty()) break;
                if (h.length() > MAX_LINE || n >= MAX_HEADERS) return refused(431, "Request Header Fields Too Large");
                int colon = h.indexOf(':');
                if (colon <= 0) return refused(400, "Bad Request");
                headers.add(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
            }
            if (headers.containsKey("Transfer-Encoding")) return refused(411, "Length Required");
            long length = 0;
            String declared = headers.getFirst("Content-Length");
            if (declared != null) {
                try {
                    length = Long.parseLong(declared);
                } catch (NumberFormatException e) {
                    return refused(400, "Bad Request");
                }
                if (length < 0) return refused(400, "Bad Request");
            }
            String connection = headers.getFirst("Connection");
            boolean keepAlive = parts[2].equals("HTTP/1.1")
                    ? connection == null || !connection.equalsIgnoreCase("close")
                    : connection != null && connection.equalsIgnoreCase("keep-alive");
            return new Request(parts[0], parts[1], parts[2], headers, length, keepAlive, null);
        }

        /** One line without its CRLF (a bare LF ends one too); null at the end of the stream before any byte. */
        private static String line(InputStream in, boolean first) throws IOException {
            StringBuilder b = new StringBuilder(64);
            while (true) {
                int c;
                try {
                    c = in.read();
                } catch (SocketException e) {
                    if (first && b.isEmpty()) return null;
                    throw e;
                }
                if (c < 0) return first && b.isEmpty() ? null : b.toString();
                if (c == '\n') {
                    int end = b.length();
                    if (end > 0 && b.charAt(end - 1) == '\r') b.setLength(end - 1);
                    return b.toString();
                }
                // Latin-1, as HTTP's field values are read; one past the limit is enough to refuse it.
                b.append((char) (c & 0xff));
                if (b.length() > MAX_LINE) return b.toString();
            }
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
