package dev.berth.ecs.runtime.docker;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.util.Optional;

/**
 * Says why a TLS handshake with an engine failed, in words a user can act on. The JDK's own
 * messages ("PKIX path building failed", "Received fatal alert: bad_certificate") name neither
 * side nor the certificate at fault.
 */
final class TlsFailures {
    private TlsFailures() {
    }

    /** The reason, completing "... TLS with the Docker engine at X failed: ", when {@code e} is a TLS failure. */
    static Optional<String> reason(Throwable e) {
        SSLException ssl = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SSLPeerUnverifiedException peer) {
                return Optional.of("its certificate is not for this host (" + peer.getMessage() + ")");
            }
            if (t instanceof CertPathValidatorException || t.getClass().getName().endsWith("ValidatorException")
                    || t instanceof java.security.cert.CertPathBuilderException) {
                return Optional.of("its certificate is not signed by the CA in tls_ca_cert");
            }
            if (t instanceof CertificateExpiredException) {
                return Optional.of("its certificate has expired");
            }
            if (t instanceof SSLException s && ssl == null) ssl = s;
        }
        if (ssl == null) return Optional.empty();
        String m = ssl.getMessage() == null ? "" : ssl.getMessage();
        if (m.contains("certificate_required")) {
            return Optional.of("the engine requires a client certificate and got none");
        }
        if (m.contains("bad_certificate") || m.contains("unknown_ca") || m.contains("certificate_unknown")) {
            return Optional.of("the engine refused the client certificate in tls_cert (not signed by a CA it trusts)");
        }
        if (m.contains("certificate_expired")) {
            return Optional.of("the engine refused the client certificate in tls_cert as expired");
        }
        if (m.contains("Unsupported or unrecognized SSL message") || m.contains("plaintext")) {
            return Optional.of("the engine does not speak TLS on this port");
        }
        return Optional.of("the handshake failed (" + m + ")");
    }
}
