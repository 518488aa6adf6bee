package dev.berth.ecs.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * ECS's JSON 1.1 protocol as the AWS CLI sends it: a POST to the endpoint's root, the action in
 * {@code X-Amz-Target}, the request as a JSON body, over a kept-alive HTTP/1.1 connection with
 * TCP_NODELAY (as botocore's urllib3 opens them), one per calling thread. Not the JDK's
 * HttpClient: its one selector thread and executor hand-offs per call added milliseconds of the
 * driver's own to every latency the load measured (bench/README.md). Not signed: the load
 * test's server runs without {@code --credentials}, which accepts any signature or none.
 */
public final class EcsWire {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "AmazonEC2ContainerServiceV20141113.";

    /** A call that did not answer 200: the error's name (ECS's {@code __type}) and message. */
    static final class CallFailed extends RuntimeException {
        final String action;
        final String errorName;

        CallFailed(String action, String errorName, String message) {
            super(action + ": " + errorName + ": " + message);
            this.action = action;
            this.errorName = errorName;
        }
    }

    private final InetSocketAddress address;
    private final String host;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();
    /** The server's own time for this thread's last answer ({@code Server-Timing}), in nanoseconds; -1: not given. */
    private final ThreadLocal<Long> serverNanos = ThreadLocal.withInitial(() -> -1L);

    public EcsWire(String endpoint) {
        URI uri = URI.create(endpoint);
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
        this.host = uri.getHost() + ":" + uri.getPort();
    }

    static ObjectNode body() {
        return JSON.createObjectNode();
    }

    /** The action's answer; throws {@link CallFailed} for an error answer or a broken connection. */
    JsonNode call(String action, ObjectNode body) {
        byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
        String head = "POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/x-amz-json-1.1\r\n"
                + "X-Amz-Target: " + TARGET + action + "\r\nContent-Length: " + json.length + "\r\n\r\n";
        Response response;
        try {
            response = exchange(head.getBytes(StandardCharsets.US_ASCII), json);
        } catch (IOException e) {
            throw new CallFailed(action, "IOException", String.valueOf(e.getMessage()));
        }
        serverNanos.set(response.serverNanos);
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body.isEmpty() ? "{}" : response.body);
        } catch (IOException e) {
            throw new CallFailed(action, "HTTP " + response.status, "not JSON: " + response.body);
        }
        if (response.status != 200) {
            String type = answer.path("__type").asText("HTTP " + response.status);
            throw new CallFailed(action, type.substring(type.indexOf('#') + 1), answer.path("message").asText(""));
        }
        return answer;
    }

    /** How long the server said it took over this thread's last call, in nanoseconds, or -1 when it did not say. */
    long serverNanos() {
        return serverNanos.get();
    }

    private record Response(int status, String body, long serverNanos) {
    }

    /** {@code berth;dur=1.234} (milliseconds) as nanoseconds; -1 for anything else. */
    static long serverTiming(String value) {
        int at = value == null ? -1 : value.indexOf("dur=");
        if (at < 0) return -1;
        try {
            return (long) (Double.parseDouble(value.substring(at + 4).split("[;,]", 2)[0]) * 1e6);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** One request and its answer; a kept connection the server closed meanwhile is opened again once. */
    private Response exchange(byte[] head, byte[] body) throws IOException {
        Connection c = connections.get();
        boolean reused = c != null;
        if (c == null) c = open();
        try {
            return c.exchange(head, body);
        } catch (IOException e) {
            c.close();
            connections.remove();
            if (!reused) throw e;
            Connection fresh = open();
            return fresh.exchange(head, body);
        }
    }

    private Connection open() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(120_000);
        socket.connect(address, 10_000);
        Connection c = new Connection(socket);
        connections.set(c);
        return c;
    }

    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 65536);
            this.out = socket.getOutputStream();
        }

        Response exchange(byte[] head, byte[] body) throws IOException {
            byte[] request = new byte[head.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            out.write(request);
            out.flush();
            String status = line();
            if (status == null) throw new IOException("the server closed the connection");
            String[] parts = status.split(" ", 3);
            if (parts.length < 2) throw new IOException("not an HTTP answer: " + status);
            int code = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            long server = -1;
            for (String h; (h = line()) != null && !h.isEmpty(); ) {
                int colon = h.indexOf(':');
                if (colon < 0) continue;
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                if (name.equals("content-length")) length = Long.parseLong(value);
                if (name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked")) chunked = true;
                if (name.equals("server-timing")) server = serverTiming(value);
            }
            byte[] answer = chunked ? chunks() : exactly((int) Math.max(0, length));
            return new Response(code, new String(answer, StandardCharsets.UTF_8), server);
        }

        private byte[] chunks() throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                if (size == null) throw new IOException("the server closed the connection mid-answer");
                int n = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
                if (n == 0) {
                    while (true) {
                        String trailer = line();
                        if (trailer == null || trailer.isEmpty()) return all.toByteArray();
                    }
                }
                all.writeBytes(exactly(n));
                line();
            }
        }

        private byte[] exactly(int n) throws IOException {
            byte[] b = in.readNBytes(n);
            if (b.length < n) throw new IOException("the server closed the connection mid-answer");
            return b;
        }

        /** One line without its CRLF, or null at the end of the stream. */
        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int ch; (ch = in.read()) >= 0; ) {
                if (ch == '\n') {
                    int len = b.length();
                    if (len > 0 && b.charAt(len - 1) == '\r') b.setLength(len - 1);
                    return b.toString();
                }
                b.append((char) ch);
            }
            return b.length() == 0 ? null : b.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing more to do
            }
        }
    }
}
