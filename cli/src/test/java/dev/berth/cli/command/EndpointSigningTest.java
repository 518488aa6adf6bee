package dev.berth.cli.command;

import dev.berth.cli.CliRun;
import dev.berth.cli.TestStores;
import dev.berth.cli.wiring.ControlPlaneHost;
import dev.berth.ecs.console.TaskLogs;
import dev.berth.ecs.http.EcsHttpServer;
import dev.berth.ecs.sigv4.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A configuration whose provider block names an endpoint is a client that signs with the key its
 * environment names (here an AWS CLI profile), so a server with credentials lets it in; without
 * a key it is refused. The world is empty, so the data source's lookup reaches the control plane
 * and finds nothing, while a refused lookup never gets that far.
 */
class EndpointSigningTest {
    @TempDir
    Path dir;

    @Test
    void aConfigurationsEndpointClientSignsWithItsProfile() throws IOException {
        Path credentials = Files.writeString(dir.resolve("credentials"),
                "[team]\naws_access_key_id = AKIDTEAM\naws_secret_access_key = team-secret\n");
        Verifier verifier = new Verifier(Map.of("AKIDTEAM", "team-secret"), "ecs", Clock.systemUTC());
        try (ControlPlaneHost host = ControlPlaneHost.open(TestStores.of(dir), TestStores.env(dir));
             EcsHttpServer server = EcsHttpServer.start(new InetSocketAddress("127.0.0.1", 0), host.api(), TaskLogs.NONE,
                     verifier, line -> { })) {
            Path cfg = Files.createDirectories(dir.resolve("cfg"));
            Files.writeString(cfg.resolve("main.hcl"), "provider \"ecs\" {\n  endpoint = \"" + server.endpoint() + "\"\n}\n"
                    + "data \"ecs_cluster\" \"main\" {\n  cluster_name = \"absent\"\n}\n");
            Map<String, String> env = new HashMap<>(TestStores.env(dir));
            env.remove("AWS_ACCESS_KEY_ID");
            env.remove("AWS_SECRET_ACCESS_KEY");
            env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
            env.put("AWS_PROFILE", "team");

            CliRun signed = CliRun.withEnv(env, "-chdir=" + cfg, "plan", "-no-color");
            assertEquals(1, signed.exitCode(), signed.toString());
            assertTrue(signed.err().contains("No ACTIVE ECS cluster named \"absent\"."), signed.err());
            assertFalse(signed.err().contains("MissingAuthenticationToken"), signed.err());

            env.remove("AWS_PROFILE");
            env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString());
            CliRun unsigned = CliRun.withEnv(env, "-chdir=" + cfg, "plan", "-no-color");
            assertEquals(1, unsigned.exitCode(), unsigned.toString());
            assertTrue(unsigned.err().contains("MissingAuthenticationTokenException"), unsigned.err());
        }
    }
}
