package dev.berth.ecs.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The load test's yardstick: an HTTP server on loopback that answers every call at once with
 * {@code {}}, a thread per connection as {@code berth server} has. Driven beside the load by a
 * few clients of the same driver, at the same moment and on the same machine, its latencies are
 * what the machine's threads and loopback cost a call with nothing behind it: the floor under
 * every p99 the load reports.
 */
final class FloorServer implements AutoCloseable {
    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\n"
            + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket socket;

    FloorServer() throws IOException {
        socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        Thread accept = new Thread(this::accept, "floor-accept");
        accept.setDaemon(true);
        accept.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                Thread t = new Thread(() -> serve(s), "floor-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                int length = head(in);
                if (length < 0) return;
                in.readNBytes(length);
                out.write(ANSWER);
                out.flush();
            }
        } catch (IOException e) {
            // The driver closed its connection.
        }
    }

    /** Reads a request's head; its Content-Length, or -1 at the end of the stream. */
    private static int head(InputStream in) throws IOException {
        int length = 0;
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            if (c != '\n') {
                line.append((char) c);
                continue;
            }
            String l = line.toString().trim();
            line.setLength(0);
            if (l.isEmpty()) return length;
            if (l.toLowerCase(Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(l.substring(15).trim());
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
