package dev.berth.ecs.tls;

import java.util.Objects;

/**
 * What a client needs for mutual TLS with a Docker engine, as PEM text: the CA that signed the
 * engine's certificate, and the client's own certificate and private key. Its text never shows
 * the key, so it can be logged or put in an error.
 */
public record TlsMaterial(String caCert, String cert, String key) {
    public TlsMaterial {
        Objects.requireNonNull(caCert, "caCert");
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(key, "key");
    }

    /** Null when none of the three is given; callers check that all three come together first. */
    public static TlsMaterial of(String caCert, String cert, String key) {
        if (caCert == null && cert == null && key == null) return null;
        return new TlsMaterial(caCert, cert, key);
    }

    @Override
    public String toString() {
        return "TlsMaterial[caCert=" + caCert.length() + " chars, cert=" + cert.length() + " chars, key=(hidden)]";
    }
}
