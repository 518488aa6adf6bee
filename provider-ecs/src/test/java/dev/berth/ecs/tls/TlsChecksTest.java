package dev.berth.ecs.tls;

import dev.berth.ecs.dockerd.Commands;
import dev.berth.ecs.dockerd.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.berth.ecs.dockerd.TestCertificates.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TLS material checked without an engine: PEM forms OpenSSL writes, key pairs, expiry, paths given for text. */
class TlsChecksTest {
    @TempDir
    static Path dir;
    static TestCertificates certs;

    @BeforeAll
    static void make() {
        certs = TestCertificates.make(dir);
    }

    private static List<TlsChecks.Problem> check(String ca, String cert, String key) {
        return TlsChecks.check(new TlsMaterial(ca, cert, key), "tls_ca_cert", "tls_cert", "tls_key", Instant.now());
    }

    @Test
    void docker_sCertificatesPassAndMakeAContext() throws Exception {
        assertEquals(List.of(), check(read(certs.caCert()), read(certs.clientCert()), read(certs.clientKey())));
        assertNotNull(TlsContexts.of(new TlsMaterial(read(certs.caCert()), read(certs.clientCert()), read(certs.clientKey()))));
    }

    @Test
    void traditionalRsaAndEcKeysAreReadToo() throws Exception {
        Commands.run(dir, 30, List.of("openssl", "rsa", "-in", "key.pem", "-traditional", "-out", "key-rsa.pem"))
                .orFail("openssl rsa");
        String rsa = read(dir.resolve("key-rsa.pem"));
        assertTrue(rsa.startsWith("-----BEGIN RSA PRIVATE KEY-----"), rsa.lines().findFirst().orElse(""));
        assertEquals(List.of(), check(read(certs.caCert()), read(certs.clientCert()), rsa));

        Commands.run(dir, 30, List.of("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec.pem"))
                .orFail("openssl ecparam");
        Commands.run(dir, 30, List.of("openssl", "req", "-x509", "-key", "ec.pem", "-subj", "/CN=ec", "-days", "1",
                "-out", "ec-cert.pem")).orFail("openssl req");
        String ec = read(dir.resolve("ec.pem"));
        assertTrue(ec.startsWith("-----BEGIN EC PRIVATE KEY-----"), ec.lines().findFirst().orElse(""));
        assertEquals(List.of(), check(read(certs.caCert()), read(dir.resolve("ec-cert.pem")), ec));
    }

    @Test
    void aKeyOfAnotherCertificateIsNamed() {
        assertEquals(List.of(new TlsChecks.Problem("tls_key", "tls_key is not the key of the certificate in tls_cert.")),
                check(read(certs.caCert()), read(certs.clientCert()), read(certs.otherClientKey())));
    }

    @Test
    void anExpiredCertificateIsNamedWithItsDate() {
        assertEquals(List.of(new TlsChecks.Problem("tls_cert",
                        "tls_cert expired on 2020-01-02T00:00:00Z; the engine would refuse it.")),
                check(read(certs.caCert()), read(certs.expiredClientCert()), read(certs.clientKey())));
    }

    @Test
    void pathsInsteadOfTextAreToldAndTheKeyIsNeverQuoted() {
        List<TlsChecks.Problem> problems = check("certs/ca.pem", "certs/cert.pem", "s3cr3t-key-text");
        assertEquals(List.of(
                new TlsChecks.Problem("tls_ca_cert", "tls_ca_cert is not usable: it must hold the PEM text of the CA "
                        + "certificate, e.g. file(\"certs/ca.pem\"), not a path."),
                new TlsChecks.Problem("tls_cert", "tls_cert is not usable: it must hold the PEM text of the client "
                        + "certificate, e.g. file(\"certs/cert.pem\"), not a path."),
                new TlsChecks.Problem("tls_key", "tls_key is not usable: it must hold the PEM text of the client key, "
                        + "e.g. file(\"certs/key.pem\"), not a path.")), problems);
        assertTrue(problems.stream().noneMatch(p -> p.sentence().contains("s3cr3t")));
    }

    @Test
    void anEncryptedKeyIsRefusedWithTheWayOut() {
        Commands.run(dir, 30, List.of("openssl", "pkey", "-in", "key.pem", "-aes256", "-passout", "pass:x", "-out",
                "key-enc.pem")).orFail("openssl pkey");
        List<TlsChecks.Problem> problems = check(read(certs.caCert()), read(certs.clientCert()), read(dir.resolve("key-enc.pem")));
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).sentence().startsWith("tls_key is not usable: the key is encrypted; give it without a "
                + "passphrase"), problems::toString);
    }
}
