package dev.berth.ecs.http;

import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** berth's HTTP/1.1 connections, spoken to byte by byte as a client would. */
class ConnectionServerTest {
    private final ExecutorService elsewhere = Executors.newSingleThreadExecutor();
    /** Echoes method, target and body; a POST to /later is answered from another thread. */
    private final ConnectionServer server = ConnectionServer.start(new InetSocketAddress("127.0.0.1", 0), 8, exchange -> {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Runnable answer = () -> reply(exchange, exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                + new String(body, StandardCharsets.UTF_8));
        if (exchange.getRequestURI().getPath().equals("/later")) elsewhere.execute(answer);
        else answer.run();
    });

    private static void reply(HttpExchange exchange, String text) {
        try (exchange) {
            byte[] out = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() {
        server.close();
        elsewhere.shutdownNow();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", server.address().getPort());
        s.setSoTimeout(5000);
        return s;
    }

    /** One answer: its head and body, read by its Content-Length. */
    private static String answer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
            head.write(c);
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : h.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
        }
        return h + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Test
    void oneConnectionCarriesRequestAfterRequestIncludingOnesAnsweredFromAnotherThread() throws Exception {
        try (Socket s = connect()) {
            send(s.getOutputStream(), "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
            String first = answer(s.getInputStream());
            assertTrue(first.startsWith("HTTP/1.1 200 OK\r\n"), first);
            assertTrue(first.contains("Content-Length: 13\r\n") && first.endsWith("POST /a hello"), first);
            send(s.getOutputStream(), "POST /later?x=1 HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc");
            assertTrue(answer(s.getInputStream()).endsWith("POST /later?x=1 abc"));
            send(s.getOutputStream(), "GET /b HTTP/1.1\r\n\r\n");
            String third = answer(s.getInputStream());
            assertTrue(third.endsWith("GET /b ") && !third.contains("Connection: close"), third);
        }
    }

    @Test
    void aBodyTheHandlerLeftUnreadDoesNotBecomeTheNextRequest() throws Exception {
        ConnectionServer deaf = ConnectionServer.start(new InetSocketAddress("127.0.0.1", 0), 8,
                exchange -> reply(exchange, "ignored " + exchange.getRequestURI()));
        try (deaf; Socket s = new Socket("127.0.0.1", deaf.address().getPort())) {
            s.setSoTimeout(5000);
            // A body that looks like a request: read as the next one, it would be answered "ignored /x".
            send(s.getOutputStream(), "POST /1 HTTP/1.1\r\nContent-Length: 10\r\n\r\nGET /x H"
                    + "\r\nPOST /2 HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
            assertTrue(answer(s.getInputStream()).endsWith("ignored /1"));
            assertTrue(answer(s.getInputStream()).endsWith("ignored /2"));
        }
    }

    @Test
    void connectionCloseAndHttp10EndTheConnectionAfterTheAnswer() throws Exception {
        for (String request : new String[]{"GET /c HTTP/1.1\r\nConnection: close\r\n\r\n", "GET /c HTTP/1.0\r\n\r\n"}) {
            try (Socket s = connect()) {
                send(s.getOutputStream(), request);
                String a = answer(s.getInputStream());
                assertTrue(a.contains("Connection: close\r\n") && a.endsWith("GET /c "), a);
                assertEquals(-1, s.getInputStream().read(), "the server closed the connection");
            }
        }
    }

    @Test
    void aClientThatExpectsToBeToldToSendItsBodyIsTold() throws Exception {
        try (Socket s = connect()) {
            send(s.getOutputStream(), "POST /e HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
            byte[] interim = s.getInputStream().readNBytes(25);
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", new String(interim, StandardCharsets.ISO_8859_1));
            send(s.getOutputStream(), "ok");
            assertTrue(answer(s.getInputStream()).endsWith("POST /e ok"));
        }
    }

    @Test
    void requestsItCannotReadAreRefusedWithTheirStatusAndTheConnectionEnds() throws Exception {
        String[][] cases = {
                {"NONSENSE\r\n\r\n", "HTTP/1.1 400 "},
                {"POST /t HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "HTTP/1.1 411 "},
                {"GET /" + "a".repeat(ConnectionServer.MAX_LINE) + " HTTP/1.1\r\n\r\n", "HTTP/1.1 431 "},
                {"POST /n HTTP/1.1\r\nContent-Length: -4\r\n\r\n", "HTTP/1.1 400 "},
                {"GET /h HTTP/1.1\r\nno colon here\r\n\r\n", "HTTP/1.1 400 "},
        };
        for (String[] c : cases) {
            try (Socket s = connect()) {
                send(s.getOutputStream(), c[0]);
                String a = answer(s.getInputStream());
                assertTrue(a != null && a.startsWith(c[1]), c[0].substring(0, Math.min(30, c[0].length())) + " -> " + a);
                assertEquals(-1, s.getInputStream().read());
            }
        }
    }

    @Test
    void aHeadRequestGetsTheHeadOnly() throws Exception {
        ConnectionServer heads = ConnectionServer.start(new InetSocketAddress("127.0.0.1", 0), 8, exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, 42);
            }
        });
        try (heads; Socket s = new Socket("127.0.0.1", heads.address().getPort())) {
            s.setSoTimeout(5000);
            send(s.getOutputStream(), "HEAD / HTTP/1.1\r\n\r\nHEAD / HTTP/1.1\r\n\r\n");
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] b = new byte[4096];
            while (!got.toString(StandardCharsets.ISO_8859_1).matches("(?s)(.*?\r\n\r\n){2}")) {
                int n = in.read(b);
                if (n < 0) break;
                got.write(b, 0, n);
            }
            String text = got.toString(StandardCharsets.ISO_8859_1);
            assertEquals(2, text.split("HTTP/1.1 200 OK", -1).length - 1, text);
            assertTrue(text.contains("Content-Length: 42\r\n") && text.endsWith("\r\n\r\n"), text);
        }
    }
}
