package dev.berth.ecs.tls;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * An {@link SSLContext} for mutual TLS from PEM text: it trusts only the given CA (not the JDK's
 * own list, as {@code docker --tlsverify} does) and presents the client certificate and key.
 */
public final class TlsContexts {
    private static final char[] NO_PASSWORD = new char[0];

    private TlsContexts() {
    }

    public static SSLContext of(TlsMaterial tls) throws Pem.PemException {
        return of(tls, java.time.Duration.ofSeconds(30));
    }

    /** As {@link #of(TlsMaterial)}; a handshake that hears nothing for {@code handshakeTimeout} fails. */
    public static SSLContext of(TlsMaterial tls, java.time.Duration handshakeTimeout) throws Pem.PemException {
        List<X509Certificate> cas = Pem.certificates(tls.caCert());
        List<X509Certificate> chain = Pem.certificates(tls.cert());
        PrivateKey key = Pem.privateKey(tls.key());
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < cas.size(); i++) trust.setCertificateEntry("ca-" + i, cas.get(i));
            KeyStore identity = KeyStore.getInstance("PKCS12");
            identity.load(null, null);
            identity.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(identity, NO_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return HandshakeTimeout.wrap(context, handshakeTimeout);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new Pem.PemException("the certificates and key do not make a TLS context (" + e.getMessage() + ")");
        }
    }
}
