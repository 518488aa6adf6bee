package dev.berth.ecs.runtime.docker;

import dev.berth.ecs.dockerd.SecondDockerd;
import dev.berth.ecs.dockerd.TestCertificates;
import dev.berth.ecs.runtime.LogKeeper;
import dev.berth.ecs.secret.SecretResolver;
import dev.berth.ecs.testing.NoStore;
import dev.berth.ecs.tls.TlsMaterial;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static dev.berth.ecs.dockerd.TestCertificates.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Docker adapter over mutual TLS with a private engine started with --tlsverify: the right
 * certificates reach it; a foreign CA on either side, an expired client certificate, a closed
 * port and a port that never answers each fail with one sentence, in bounded time.
 */
// A hung handshake must fail the test, never hold the shared Docker lock.
@Tag(NoStore.TAG)
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsEngineIT {
    private static Path certsDir;
    private static TestCertificates certs;
    private static SecondDockerd engine;

    @BeforeAll
    static void startEngine() throws Exception {
        certsDir = Files.createTempDirectory("berth-tls-it");
        certs = TestCertificates.make(certsDir);
        engine = SecondDockerd.withTls(certs);
    }

    @AfterAll
    static void stopEngine() throws Exception {
        try {
            if (engine != null) engine.close();
        } finally {
            try (var files = Files.walk(certsDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static TlsMaterial material(Path ca, Path cert, Path key) {
        return new TlsMaterial(read(ca), read(cert), read(key));
    }

    @Test
    void theEnginesOwnClientCertificateReachesIt() {
        TlsMaterial tls = material(certs.caCert(), certs.clientCert(), certs.clientKey());
        assertEquals(Optional.empty(), DockerRuntime.probe(engine.tlsHost(), tls));
        try (DockerRuntime rt = DockerRuntime.connect(engine.tlsHost(), tls, LogKeeper.NONE, SecretResolver.NONE)) {
            assertTrue(rt.capacity().memoryMiB() > 0, "info answers over TLS");
            assertTrue(rt.imageExists(SecondDockerd.IMAGE), "the engine's own images are seen over TLS");
        }
    }

    @Test
    void anEngineCertificateFromAnotherCaIsRefused() {
        String why = refusal(material(certs.otherCaCert(), certs.clientCert(), certs.clientKey()));
        assertEquals("TLS with the Docker engine at " + engine.tlsHost()
                + " failed: its certificate is not signed by the CA in tls_ca_cert.", why);
    }

    @Test
    void aClientCertificateFromAnotherCaIsRefused() {
        String why = refusal(material(certs.caCert(), certs.otherClientCert(), certs.otherClientKey()));
        assertTrue(why.startsWith("TLS with the Docker engine at " + engine.tlsHost() + " failed: the engine refused "
                + "the client certificate in tls_cert"), why);
    }

    @Test
    void anExpiredClientCertificateIsRefused() {
        String why = refusal(material(certs.caCert(), certs.expiredClientCert(), certs.clientKey()));
        assertTrue(why.startsWith("TLS with the Docker engine at " + engine.tlsHost() + " failed: the engine refused "
                + "the client certificate in tls_cert"), why);
    }

    @Test
    void aClosedPortFailsAtOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String why = DockerRuntime.probe("tcp://127.0.0.1:" + port, material(certs.caCert(), certs.clientCert(),
                certs.clientKey())).orElseThrow();
        assertEquals("Cannot connect to the Docker engine at tcp://127.0.0.1:" + port + " (configured); is dockerd running?",
                why);
    }

    @Test
    void aPortThatNeverAnswersFailsWithinTheProbeTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) silent.accept();
                } catch (Exception e) {
                    // Closed at the end of the test.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long start = System.nanoTime();
            String why = DockerRuntime.probe("tcp://127.0.0.1:" + silent.getLocalPort(),
                    material(certs.caCert(), certs.clientCert(), certs.clientKey())).orElseThrow();
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds <= DockerRuntime.PROBE_TIMEOUT.toSeconds() + 3, "bounded: " + seconds + " s");
            assertEquals("The Docker engine at tcp://127.0.0.1:" + silent.getLocalPort()
                    + " did not answer in time; is something other than dockerd listening there?", why);
        }
    }

    @Test
    void aPlainClientOnTheTlsPortIsTold() {
        String why = DockerRuntime.probe(engine.tlsHost(), null).orElseThrow();
        assertTrue(why.contains("Client sent an HTTP request to an HTTPS server"), why);
    }

    private String refusal(TlsMaterial tls) {
        long start = System.nanoTime();
        String why = DockerRuntime.probe(engine.tlsHost(), tls).orElseThrow();
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "bounded");
        return why;
    }
}
