package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.URLDecoder;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in Docker engine for the AOT cache's training run ({@link StartupTraining}): it answers,
 * on a Unix socket inside the training's directory, the calls an apply of a FARGATE service makes
 * (ping, info, networks, image and container inspects, container lists, create, start, kill,
 * remove), keeping its containers in memory and running nothing. So the cache holds docker-java's,
 * Apache HttpClient's and Jackson's classes and berth's own task-starting path, which every
 * {@code apply} and every refresh of a cluster or service otherwise loads from the jar (0.3-0.5 s
 * of a run; bench/README.md, "Applies at the engine's speed"), and the build still needs no engine.
 * The metadata agent's image is missing here, so tasks start without their endpoint, as on an
 * engine without that image.
 */
final class TrainingEngine implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONTAINER = Pattern.compile("/containers/([^/]+)(/[a-z]+)?");
    private static final Pattern NETWORK = Pattern.compile("/networks/([^/]+)");
    private static final Pattern IMAGE = Pattern.compile("/images/(.+)/json");

    private record Reply(int status, String body) {
        static Reply json(int status, Object body) {
            try {
                return new Reply(status, JSON.writeValueAsString(body));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static Reply none() {
            return new Reply(204, "");
        }

        static Reply missing(String what) {
            return json(404, Map.of("message", "No such " + what));
        }
    }

    private final ServerSocketChannel server;
    private final Map<String, ObjectNode> containers = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> networks = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private TrainingEngine(ServerSocketChannel server) {
        this.server = server;
    }

    /** Listens on {@code socket} (replacing a stale file) until closed. */
    static TrainingEngine start(Path socket) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        TrainingEngine engine = new TrainingEngine(server);
        daemon(engine::accept, "training-engine");
        return engine;
    }

    private static void daemon(Runnable work, String name) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel c = server.accept();
                daemon(() -> serve(c), "training-engine-connection");
            } catch (IOException e) {
                return;
            }
        }
    }

    /** HTTP/1.1 with keep-alive, one request after another, as Apache HttpClient sends them. */
    private void serve(SocketChannel channel) {
        try (channel; InputStream in = Channels.newInputStream(channel); OutputStream out = Channels.newOutputStream(channel)) {
            while (true) {
                String line = readLine(in);
                if (line == null || line.isEmpty()) return;
                String[] request = line.split(" ");
                int length = 0;
                boolean chunked = false;
                for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
                    String lower = h.toLowerCase(java.util.Locale.ROOT);
                    if (lower.startsWith("content-length:")) length = Integer.parseInt(h.substring(15).trim());
                    if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
                }
                byte[] body = chunked ? readChunked(in) : in.readNBytes(length);
                Reply reply;
                try {
                    reply = answer(request[0], request[1], body);
                } catch (RuntimeException e) {
                    reply = Reply.json(500, Map.of("message", "training engine: " + e));
                }
                byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
                String head = "HTTP/1.1 " + reply.status() + " X\r\nContent-Type: application/json\r\nApi-Version: 1.41\r\n"
                        + "Content-Length: " + bytes.length + "\r\n\r\n";
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // The client went away; nothing to keep.
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
            if (c != '\r') b.write(c);
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(readLine(in).trim(), 16); size > 0; size = Integer.parseInt(readLine(in).trim(), 16)) {
            b.write(in.readNBytes(size));
            readLine(in);
        }
        readLine(in);
        return b.toByteArray();
    }

    private Reply answer(String method, String target, byte[] body) throws IOException {
        int q = target.indexOf('?');
        String path = target.substring(0, q < 0 ? target.length() : q).replaceFirst("^/v1\\.[0-9]+", "");
        String query = q < 0 ? "" : URLDecoder.decode(target.substring(q + 1), StandardCharsets.UTF_8);
        if (path.equals("/_ping")) return new Reply(200, "OK");
        if (path.equals("/version")) return Reply.json(200, Map.of("Version", "20.10.0", "ApiVersion", "1.41", "Os", "linux", "Arch", "amd64"));
        if (path.equals("/info")) {
            return Reply.json(200, Map.of("ID", "training", "NCPU", 2, "MemTotal", 4L << 30, "Architecture", "x86_64",
                    "OSType", "linux", "OperatingSystem", "berth training engine", "ServerVersion", "20.10.0",
                    "Plugins", Map.of("Volume", new String[]{"local"}, "Network", new String[]{"bridge"},
                            "Log", new String[]{"json-file"})));
        }
        if (path.equals("/volumes")) return Reply.json(200, Map.of("Volumes", new Object[0]));
        if (path.equals("/networks/create") && method.equals("POST")) return createNetwork(JSON.readTree(body));
        // Networks of one name are never two here; the list answers every one, as berth filters by exact name.
        if (path.equals("/networks") && method.equals("GET")) return Reply.json(200, networks.values());
        if (path.equals("/containers/json")) return list(query);
        if (path.equals("/containers/create") && method.equals("POST")) return create(query, JSON.readTree(body));
        Matcher m = IMAGE.matcher(path);
        if (m.matches()) return image(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
        m = NETWORK.matcher(path);
        if (m.matches()) {
            ObjectNode n = networks.get(m.group(1));
            if (method.equals("DELETE")) return networks.remove(m.group(1)) == null ? Reply.missing("network") : Reply.none();
            return n == null ? Reply.missing("network") : new Reply(200, n.toString());
        }
        m = CONTAINER.matcher(path);
        if (m.matches()) return container(method, m.group(1), m.group(2) == null ? "" : m.group(2));
        return Reply.missing("endpoint " + method + " " + path + " on the training engine");
    }

    private Reply createNetwork(JsonNode request) {
        String name = request.path("Name").asText();
        ObjectNode n = JSON.createObjectNode().put("Name", name).put("Id", id()).put("Driver", "bridge");
        n.set("Labels", request.path("Labels").isObject() ? request.get("Labels") : JSON.createObjectNode());
        n.set("Containers", JSON.createObjectNode());
        networks.put(name, n);
        return Reply.json(201, Map.of("Id", n.get("Id").asText(), "Warning", ""));
    }

    private Reply image(String name) {
        // The metadata agent's and FireLens' images are absent, so training starts nothing of theirs.
        if (name.contains("metadata") || name.contains("firelens")) return Reply.missing("image: " + name);
        return Reply.json(200, Map.of("Id", "sha256:" + "0".repeat(64), "RepoTags", new String[]{name},
                "RepoDigests", new String[0], "Architecture", "amd64", "Os", "linux", "Config", Map.of()));
    }

    private Reply create(String query, JsonNode request) {
        String id = id();
        String name = query.startsWith("name=") ? query.substring(5) : id.substring(0, 12);
        ObjectNode c = JSON.createObjectNode().put("Id", id).put("Name", "/" + name)
                .put("Created", Instant.now().toString()).put("Image", "sha256:" + "0".repeat(64));
        ObjectNode config = ((ObjectNode) request.deepCopy());
        JsonNode host = config.remove("HostConfig");
        config.remove("NetworkingConfig");
        if (!config.path("Labels").isObject()) config.set("Labels", JSON.createObjectNode());
        c.set("Config", config);
        c.set("HostConfig", host == null ? JSON.createObjectNode() : host);
        c.set("State", state("created", false, 0, "0001-01-01T00:00:00Z"));
        ObjectNode net = JSON.createObjectNode();
        String mode = c.path("HostConfig").path("NetworkMode").asText("bridge");
        net.set(mode, JSON.createObjectNode().put("IPAddress", "172.30.0." + (2 + ids.get() % 250)).put("NetworkID", id));
        c.set("NetworkSettings", JSON.createObjectNode().set("Networks", net));
        c.set("Mounts", JSON.createArrayNode());
        containers.put(id, c);
        return Reply.json(201, Map.of("Id", id, "Warnings", new String[0]));
    }

    private static ObjectNode state(String status, boolean running, int exit, String startedAt) {
        return JSON.createObjectNode().put("Status", status).put("Running", running).put("Paused", false)
                .put("OOMKilled", false).put("Dead", false).put("ExitCode", exit).put("Pid", running ? 4242 : 0)
                .put("StartedAt", startedAt).put("FinishedAt", running ? "0001-01-01T00:00:00Z" : Instant.now().toString());
    }

    private Reply container(String method, String ref, String action) {
        ObjectNode c = find(ref);
        if (c == null) return Reply.missing("container: " + ref);
        switch (method + " " + action) {
            case "GET /json":
                return new Reply(200, c.toString());
            case "POST /start":
                c.set("State", state("running", true, 0, Instant.now().toString()));
                return Reply.none();
            case "POST /kill", "POST /stop":
                if (c.path("State").path("Running").asBoolean()) {
                    c.set("State", state("exited", false, 143, c.path("State").path("StartedAt").asText()));
                }
                return Reply.none();
            case "POST /wait":
                return Reply.json(200, Map.of("StatusCode", c.path("State").path("ExitCode").asInt()));
            case "GET /logs":
                return new Reply(200, "");
            case "DELETE ":
                containers.remove(c.get("Id").asText());
                return Reply.none();
            default:
                return Reply.missing("endpoint " + method + " " + action + " for containers on the training engine");
        }
    }

    private ObjectNode find(String ref) {
        ObjectNode c = containers.get(ref);
        if (c != null) return c;
        for (ObjectNode each : containers.values()) {
            if (each.get("Name").asText().equals("/" + ref) || each.get("Id").asText().startsWith(ref)) return each;
        }
        return null;
    }

    /** Docker's list: summaries of the containers whose labels match every {@code label} filter. */
    private Reply list(String query) throws IOException {
        Matcher f = Pattern.compile("filters=(\\{.*\\})").matcher(query);
        JsonNode labels = f.find() ? JSON.readTree(f.group(1)).path("label") : JSON.createArrayNode();
        ArrayNode out = JSON.createArrayNode();
        for (ObjectNode c : containers.values()) {
            JsonNode have = c.path("Config").path("Labels");
            boolean all = true;
            for (Iterator<JsonNode> it = labels.elements(); it.hasNext(); ) {
                String want = it.next().asText();
                int eq = want.indexOf('=');
                all &= eq < 0 ? have.has(want) : want.substring(eq + 1).equals(have.path(want.substring(0, eq)).asText(null));
            }
            if (!all) continue;
            boolean running = c.path("State").path("Running").asBoolean();
            ObjectNode s = out.addObject().put("Id", c.get("Id").asText()).put("Image", c.path("Config").path("Image").asText())
                    .put("ImageID", c.get("Image").asText()).put("Created", Instant.now().getEpochSecond())
                    .put("State", c.path("State").path("Status").asText())
                    .put("Status", running ? "Up 1 second" : "Exited (" + c.path("State").path("ExitCode").asInt() + ") 1 second ago");
            s.putArray("Names").add(c.get("Name").asText());
            s.set("Labels", have);
            s.putArray("Ports");
            s.putArray("Mounts");
            s.set("NetworkSettings", c.get("NetworkSettings"));
        }
        return new Reply(200, out.toString());
    }

    private String id() {
        return String.format("%064x", ids.incrementAndGet());
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
