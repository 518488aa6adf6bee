package dev.berth.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven through chromedriver with the W3C WebDriver protocol over
 * plain java.net.http (no Selenium): one driver process, one session, a fresh profile directory.
 * The flags keep it off the network (the machine has none) and away from the user's profile.
 * In CI (CI=true) a missing chromium or chromedriver fails the test; elsewhere it skips it.
 * {@link #close()} ends the session, the driver and the profile, whatever happened.
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1440,1000");

    private final Process driver;
    private final Path profile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String session;

    private Chromium(Process driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    static Chromium start() throws Exception {
        Path binary = firstExisting("/usr/lib/chromium/chromium", "/usr/bin/chromium");
        Path chromedriver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        if (binary == null || chromedriver == null) {
            String missing = "Debian's chromium and chromium-driver are not installed (scripts/test.sh installs them)";
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("CI=true but " + missing);
            Assumptions.abort(missing);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path profile = Files.createTempDirectory("berth-chromium-");
        Process p = new ProcessBuilder(chromedriver.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Chromium c = new Chromium(p, profile, "http://127.0.0.1:" + port);
        try {
            c.awaitDriver();
            ObjectNode options = JSON.createObjectNode().put("binary", binary.toString());
            var args = options.putArray("args");
            FLAGS.forEach(args::add);
            args.add("--user-data-dir=" + profile);
            ObjectNode caps = JSON.createObjectNode();
            caps.putObject("capabilities").putObject("alwaysMatch").put("browserName", "chrome")
                    .set("goog:chromeOptions", options);
            c.session = c.call("POST", "/session", caps).get("sessionId").asText();
            return c;
        } catch (Throwable t) {
            c.close();
            throw t;
        }
    }

    void open(String url) throws Exception {
        call("POST", "/session/" + session + "/url", JSON.createObjectNode().put("url", url));
    }

    /** Runs {@code script} (a function body; {@code arguments} as in WebDriver) in the page and returns its value. */
    JsonNode execute(String script) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("script", script);
        body.putArray("args");
        return call("POST", "/session/" + session + "/execute/sync", body);
    }

    /** Polls {@code script} until its value passes {@code test}; fails naming {@code what} and the last value. */
    JsonNode await(String what, String script, Predicate<JsonNode> test, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = execute(script);
            if (test.test(last)) return last;
            Thread.sleep(200);
        }
        throw new AssertionError("The console did not show " + what + " within " + timeout.toSeconds() + " s; last: " + last);
    }

    /** A PNG of the whole page: the window is made as tall as the page (up to 4000 px) first. */
    Path screenshot(Path file) throws Exception {
        int height = Math.min(4000, execute("return document.documentElement.scrollHeight;").asInt(1000));
        call("POST", "/session/" + session + "/window/rect", JSON.createObjectNode().put("width", 1440).put("height", height + 160));
        execute("window.scrollTo(0, 0);");
        Thread.sleep(300);
        byte[] png = Base64.getDecoder().decode(call("GET", "/session/" + session + "/screenshot", null).asText());
        Files.createDirectories(file.getParent());
        Files.write(file, png);
        return file;
    }

    private JsonNode call(String method, String path, JsonNode body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode value = JSON.readTree(r.body()).path("value");
        if (r.statusCode() != 200) throw new AssertionError("WebDriver " + method + " " + path + ": " + value.path("message").asText(r.body()));
        return value;
    }

    private void awaitDriver() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            try {
                if (call("GET", "/status", null).path("ready").asBoolean()) return;
            } catch (IOException notYet) {
                // chromedriver is still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("chromedriver did not answer on " + base);
    }

    @Override
    public void close() throws Exception {
        try {
            if (session != null) call("DELETE", "/session/" + session, null);
        } catch (Exception | AssertionError e) {
            // The browser may already be gone; the driver's end below takes it along.
        } finally {
            driver.destroy();
            if (!driver.waitFor(10, TimeUnit.SECONDS)) driver.destroyForcibly().waitFor();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static Path firstExisting(String... paths) {
        for (String p : paths) if (Files.isExecutable(Path.of(p))) return Path.of(p);
        return null;
    }
}
