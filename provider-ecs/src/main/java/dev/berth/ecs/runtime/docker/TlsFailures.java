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
    private static final String REFUSED_CLIENT =
            "the engine refused the client certificate in tls_cert (not signed by a CA it trusts, or expired)";

    private TlsFailures() {
    }

    /** The reason, completing "... TLS with the Docker engine at X failed: ", when {@code e} is a TLS failure. */
    static Optional<String> reason(Throwable e) {
        SSLException ssl = null;
        boolean dropped = false;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            String text = String.valueOf(t.getMessage());
            // With TLS 1.3 the engine checks the client certificate after the client's handshake
            // is done, and drops the connection: the request then meets a reset or a closed pipe.
            if (t instanceof java.net.SocketException && (text.contains("reset") || text.contains("Broken pipe"))
                    || t.getClass().getSimpleName().equals("NoHttpResponseException")) {
                dropped = true;
            }
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
        if (ssl == null) return dropped ? Optional.of(REFUSED_CLIENT) : Optional.empty();
        String m = ssl.getMessage() == null ? "" : ssl.getMessage();
        if (m.contains("certificate_required")) {
            return Optional.of("the engine requires a client certificate and got none");
        }
        if (m.contains("bad_certificate") || m.contains("unknown_ca") || m.contains("certificate_unknown")
                || m.contains("certificate_expired") || dropped) {
            return Optional.of(REFUSED_CLIENT);
        }
        if (m.contains("Unsupported or unrecognized SSL message") || m.contains("plaintext")) {
            return Optional.of("the engine does not speak TLS on this port");
        }
        return Optional.of("the handshake failed (" + m + ")");
    }
}
