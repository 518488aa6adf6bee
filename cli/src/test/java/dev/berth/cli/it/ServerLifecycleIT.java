package dev.berth.cli.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** berth server as a process: where it says it listens, Ctrl-C, a port already taken. */
class ServerLifecycleIT {
    @TempDir
    Path dir;

    @Test
    void ctrlCStopsItCleanlyAndItAnsweredUntilThen() throws Exception {
        Path store = dir.resolve("ecs.db");
        try (BerthProcess p = BerthProcess.startWith(Map.of("BERTH_ECS_STORE", dev.berth.cli.TestStores.ecsStoreFor(store)),
                "server", "--listen", "127.0.0.1:0")) {
            String line = p.await(l -> l.startsWith("berth server listening on "), Duration.ofSeconds(60));
            assertTrue(line.endsWith(", serving the control plane in " + dev.berth.cli.TestStores.shownFor(store)), line);
            String endpoint = line.substring("berth server listening on ".length(), line.indexOf(','));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint + "/"))
                    .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.NoSuchAction")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("\"__type\":\"UnknownOperationException\""), r.body());
            p.signal("INT");
            assertEquals(0, p.exitCode(Duration.ofSeconds(30)), p.output());
            p.await(l -> l.equals("berth server stopped"), Duration.ofSeconds(5));
        }
    }

    @Test
    void aPortAlreadyTakenIsOneSentence() throws Exception {
        Path store = dir.resolve("ecs.db");
        try (ServerProcess first = ServerProcess.start(store)) {
            String port = first.endpoint().substring(first.endpoint().lastIndexOf(':') + 1);
            try (BerthProcess second = BerthProcess.startWith(Map.of("BERTH_ECS_STORE",
                    dev.berth.cli.TestStores.ecsStoreFor(store)),
                    "server", "--listen", "127.0.0.1:" + port)) {
                assertEquals(1, second.exitCode(Duration.ofSeconds(60)), second.output());
                assertEquals("Error: cannot listen on 127.0.0.1:" + port + ": Address already in use.",
                        second.output().strip(), second.output());
            }
        }
    }

    @Test
    void aListenAddressWithoutAPortIsRefused() throws Exception {
        try (BerthProcess p = BerthProcess.startWith(Map.of("BERTH_ECS_STORE", dir.resolve("ecs.db").toString()),
                "server", "--listen", "4566")) {
            assertEquals(1, p.exitCode(Duration.ofSeconds(60)), p.output());
            assertEquals("Error: --listen takes HOST:PORT, such as 127.0.0.1:4566; got \"4566\".", p.output().strip());
        }
    }
}
