package dev.berth.ecs.dockerd;

import dev.berth.ecs.testing.NoStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixture itself: a private engine that serves its unix socket and a TLS port that takes
 * only clients of its CA, survives stop, kill and start, and leaves nothing behind.
 */
// A hung handshake must fail the test, never hold the shared Docker lock.
@Tag(NoStore.TAG)
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SecondDockerdIT {
    @TempDir
    Path certsDir;

    @Test
    void servesTlsToItsOwnClientsOnlyRestartsAndLeavesNothingBehind() {
        TestCertificates certs = TestCertificates.make(certsDir);
        String sharedBefore = sharedEngineRoot();
        String base;
        String bridge;
        try (SecondDockerd engine = SecondDockerd.withTls(certs)) {
            base = engine.unixHost().replace("unix://", "").replace("/docker.sock", "");
            assertEquals(0, engine.docker("image", "inspect", SecondDockerd.IMAGE).exitCode(), "the example image is loaded");
            String id = overTls(engine, certs.caCert(), certs.clientCert(), certs.clientKey()).output().strip();
            assertNotEquals(sharedBefore, id, "a different engine from the shared one");
            assertNotEquals(0, overTls(engine, certs.otherCaCert(), certs.otherClientCert(), certs.otherClientKey()).exitCode(),
                    "a client of another CA is refused");

            String network = engine.docker("network", "create", "left-behind").orFail("network create").output().strip();
            bridge = "br-" + network.substring(0, 12);
            assertTrue(engine.docker("network", "inspect", "--format", "{{range .IPAM.Config}}{{.Subnet}}{{end}}", network)
                    .output().startsWith("10.222."), "its networks take subnets from its own pool");
            assertTrue(Files.exists(Path.of("/sys/class/net", bridge)), "the network's bridge is in the host's namespace");
            assertEquals(0, engine.docker("run", "-d", "--name", "sleeper", SecondDockerd.IMAGE, "sleep", "600").exitCode());
            engine.kill();
            assertFalse(engine.running());
            assertNotEquals(0, engine.docker("info").exitCode(), "a killed engine does not answer");
            engine.start();
            assertEquals(0, engine.docker("inspect", "sleeper").exitCode(), "the engine came back with its container");
            engine.stop();
            assertNotEquals(0, engine.docker("info").exitCode(), "a stopped engine does not answer");
            engine.start();
            assertEquals(id, overTls(engine, certs.caCert(), certs.clientCert(), certs.clientKey()).output().strip());
        }
        assertFalse(Files.exists(Path.of(base)), "its directory is removed");
        assertFalse(Files.exists(Path.of("/sys/class/net", bridge)), "its network's bridge is removed");
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").contains(base)),
                "none of its processes is left");
        assertEquals(sharedBefore, sharedEngineRoot(), "the shared engine still answers, untouched");
    }

    private static Commands.Result overTls(SecondDockerd engine, Path ca, Path cert, Path key) {
        return Commands.run(null, 30, List.of("docker", "-H", engine.tlsHost(), "--tlsverify",
                "--tlscacert", ca.toString(), "--tlscert", cert.toString(), "--tlskey", key.toString(),
                "info", "--format", "{{.DockerRootDir}}"));
    }

    private static String sharedEngineRoot() {
        return Commands.run(null, 30, List.of("docker", "info", "--format", "{{.DockerRootDir}}")).orFail("docker info").output().strip();
    }
}
