package dev.berth.ecs.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One request and its answer on a {@link ConnectionServer} connection, behind the JDK's
 * {@link HttpExchange}, so the handlers are those the JDK's server ran. The answer is kept until
 * {@link #close()} and then sent whole, head and body in one write.
 */
final class Exchange extends HttpExchange {
    /** A body the handler left unread is skipped up to this much to keep the connection; past it the connection ends. */
    private static final long MAX_SKIPPED = 1 << 20;

    private final Socket socket;
    private final ConnectionServer.Request request;
    private final BodyStream body;
    private final Headers responseHeaders = new Headers();
    private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
    private final Map<String, Object> attributes = new HashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private int status = -1;
    private long declaredLength;
    /** Whether the connection can carry another request once this one is answered. */
    private volatile boolean reusable;
    private boolean continued;

    Exchange(Socket socket, InputStream in, ConnectionServer.Request request) {
        this.socket = socket;
        this.request = request;
        this.body = new BodyStream(in, request.contentLength());
    }

    /** Answers a request refused before any handler saw it, and ends the connection. */
    static void refuse(Socket socket, ConnectionServer.Request.Refusal refusal) throws IOException {
        socket.getOutputStream().write(ConnectionServer.ascii("HTTP/1.1 " + refusal.status() + " " + refusal.reason()
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
    }

    @Override
    public Headers getRequestHeaders() {
        return request.headers();
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        try {
            return new URI(request.target());
        } catch (URISyntaxException e) {
            // A target no URI parser takes is asked for as the bare path it could be.
            return URI.create("/");
        }
    }

    @Override
    public String getRequestMethod() {
        return request.method();
    }

    @Override
    public HttpContext getHttpContext() {
        return null;
    }

    @Override
    public InputStream getRequestBody() {
        // A client waiting to hear it may send its body is told to, once the handler asks for it.
        if (!continued && "100-continue".equalsIgnoreCase(request.headers().getFirst("Expect"))) {
            continued = true;
            try {
                socket.getOutputStream().write(ConnectionServer.ascii("HTTP/1.1 100 Continue\r\n\r\n"));
            } catch (IOException e) {
                // The body read that follows fails the same way.
            }
        }
        return body;
    }

    @Override
    public OutputStream getResponseBody() {
        return responseBody;
    }

    @Override
    public void sendResponseHeaders(int rCode, long responseLength) throws IOException {
        if (status >= 0) throw new IOException("headers already sent");
        status = rCode;
        declaredLength = responseLength;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public String getProtocol() {
        return request.protocol();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
        throw new UnsupportedOperationException("berth's server does not filter streams");
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    /**
     * Sends the answer (a handler that sent no headers answers 500) and lets the connection's
     * thread go on; the second call does nothing.
     */
    @Override
    public void close() {
        if (closed.getCount() == 0) return;
        try {
            boolean head = "HEAD".equals(request.method());
            if (status < 0) {
                status = 500;
                declaredLength = -1;
            }
            byte[] content = head || declaredLength == -1 ? new byte[0] : responseBody.toByteArray();
            boolean keep = request.keepAlive() && body.skipRest(MAX_SKIPPED);
            StringBuilder h = new StringBuilder(256);
            h.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
            for (Map.Entry<String, List<String>> e : responseHeaders.entrySet()) {
                if (e.getKey().equalsIgnoreCase("Content-Length") || e.getKey().equalsIgnoreCase("Connection")) continue;
                for (String v : e.getValue()) h.append(e.getKey()).append(": ").append(v).append("\r\n");
            }
            // A HEAD answer says the length its GET would have (the handler declares it, or -1 for none).
            long length = head ? Math.max(declaredLength, 0) : content.length;
            if (status >= 200 && status != 204 && status != 304) h.append("Content-Length: ").append(length).append("\r\n");
            if (!keep) h.append("Connection: close\r\n");
            h.append("\r\n");
            byte[] headBytes = ConnectionServer.ascii(h.toString());
            byte[] all = new byte[headBytes.length + content.length];
            System.arraycopy(headBytes, 0, all, 0, headBytes.length);
            System.arraycopy(content, 0, all, headBytes.length, content.length);
            socket.getOutputStream().write(all);
            reusable = keep;
        } catch (IOException e) {
            reusable = false;
        } finally {
            closed.countDown();
        }
    }

    /** The handler threw before answering: the connection ends without one (as the JDK's server does). */
    void failed() {
        if (closed.getCount() == 0) return;
        reusable = false;
        closed.countDown();
    }

    /** Waits until the answer is sent; whether the connection carries another request. */
    boolean awaitClosed() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return reusable;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    /** The request's body: exactly its Content-Length, never into the next request. */
    private static final class BodyStream extends InputStream {
        private final InputStream in;
        private long left;

        BodyStream(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) return -1;
            int c = in.read();
            if (c < 0) throw new IOException("the connection ended inside a request's body");
            left--;
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) throw new IOException("the connection ended inside a request's body");
            left -= n;
            return n;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), left);
        }

        /** Skips what the handler left unread, up to {@code max}; false when more was left (the connection must end). */
        boolean skipRest(long max) {
            if (left > max) return false;
            try {
                byte[] sink = new byte[8192];
                while (left > 0) {
                    if (read(sink, 0, sink.length) < 0) return false;
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void close() {
            // The connection's stream stays open for its next request.
        }
    }
}
