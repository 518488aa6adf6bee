package dev.berth.ecs.dockerd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificates for mutual TLS with a Docker engine, made with {@code openssl} the way Docker's
 * "Protect the Docker daemon socket" page makes them: a CA, a server certificate for
 * {@code localhost} and {@code 127.0.0.1} (serverAuth), and a client certificate (clientAuth).
 * For the refusals: a second CA with a client certificate of its own, and a client certificate
 * of the first CA that expired in 2020. Keys are 2048-bit RSA (PKCS#8, as OpenSSL 3 writes them)
 * so making them all takes well under a second.
 */
public record TestCertificates(Path dir) {
    public Path caCert() { return dir.resolve("ca.pem"); }
    public Path serverCert() { return dir.resolve("server-cert.pem"); }
    public Path serverKey() { return dir.resolve("server-key.pem"); }
    public Path clientCert() { return dir.resolve("cert.pem"); }
    public Path clientKey() { return dir.resolve("key.pem"); }
    /** A CA the engine does not trust. */
    public Path otherCaCert() { return dir.resolve("other-ca.pem"); }
    /** A client certificate signed by {@link #otherCaCert()}, with {@link #otherClientKey()}. */
    public Path otherClientCert() { return dir.resolve("other-cert.pem"); }
    public Path otherClientKey() { return dir.resolve("other-key.pem"); }
    /** A client certificate of the engine's CA for {@link #clientKey()}, valid only on 1 January 2020. */
    public Path expiredClientCert() { return dir.resolve("expired-cert.pem"); }

    /** Makes every certificate into {@code dir} (created when missing). */
    public static TestCertificates make(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("server-ext.cnf"),
                    "subjectAltName = DNS:localhost,IP:127.0.0.1\nextendedKeyUsage = serverAuth\n");
            Files.writeString(dir.resolve("client-ext.cnf"), "extendedKeyUsage = clientAuth\n");
            Files.writeString(dir.resolve("ca.cnf"), """
                    [ca]
                    default_ca = test
                    [test]
                    database = index.txt
                    new_certs_dir = .
                    serial = serial
                    default_md = sha256
                    policy = any
                    x509_extensions = client
                    [any]
                    commonName = supplied
                    [client]
                    extendedKeyUsage = clientAuth
                    """);
            Files.writeString(dir.resolve("index.txt"), "");
            Files.writeString(dir.resolve("serial"), "1000\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> steps = new ArrayList<>();
        steps.addAll(ca("ca", "berth test CA"));
        steps.addAll(ca("other-ca", "berth other CA"));
        steps.addAll(signed("server-key.pem", "server-cert.pem", "localhost", "ca", "server-ext.cnf"));
        steps.addAll(signed("key.pem", "cert.pem", "client", "ca", "client-ext.cnf"));
        steps.addAll(signed("other-key.pem", "other-cert.pem", "client", "other-ca", "client-ext.cnf"));
        steps.add(List.of("openssl", "req", "-new", "-key", "key.pem", "-subj", "/CN=expired client", "-out", "expired.csr"));
        // x509 -days refuses the past, so the expired one comes from `openssl ca` with explicit dates.
        steps.add(List.of("openssl", "ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca-key.pem",
                "-in", "expired.csr", "-out", "expired-cert.pem", "-notext",
                "-startdate", "20200101000000Z", "-enddate", "20200102000000Z"));
        for (List<String> step : steps) {
            Commands.run(dir, 60, step).orFail(String.join(" ", step));
        }
        return new TestCertificates(dir);
    }

    private static List<List<String>> ca(String name, String commonName) {
        return List.of(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "2",
                "-keyout", name + "-key.pem", "-out", name + ".pem", "-subj", "/CN=" + commonName));
    }

    private static List<List<String>> signed(String key, String cert, String commonName, String ca, String ext) {
        String csr = cert + ".csr";
        return List.of(
                List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-sha256", "-keyout", key,
                        "-subj", "/CN=" + commonName, "-out", csr),
                List.of("openssl", "x509", "-req", "-days", "2", "-sha256", "-in", csr, "-CA", ca + ".pem",
                        "-CAkey", ca + "-key.pem", "-CAcreateserial", "-out", cert, "-extfile", ext));
    }

    /** The PEM text of one of the files, as a configuration would give it with file(...). */
    public static String read(Path pem) {
        try {
            return Files.readString(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
