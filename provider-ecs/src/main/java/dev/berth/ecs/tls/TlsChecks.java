package dev.berth.ecs.tls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What can be known about TLS material without reaching the engine: each part reads as PEM, the
 * client certificate belongs to the key, and it is valid now. Each problem names its attribute.
 */
public final class TlsChecks {
    /** One problem with one of the three attributes. */
    public record Problem(String attribute, String sentence) {
    }

    private TlsChecks() {
    }

    public static List<Problem> check(TlsMaterial tls, String caAttr, String certAttr, String keyAttr, Instant now) {
        List<Problem> out = new ArrayList<>();
        try {
            Pem.certificates(tls.caCert());
        } catch (Pem.PemException e) {
            out.add(new Problem(caAttr, unusable(caAttr, tls.caCert(), "the CA certificate", e)));
        }
        X509Certificate cert = null;
        try {
            cert = Pem.certificates(tls.cert()).get(0);
        } catch (Pem.PemException e) {
            out.add(new Problem(certAttr, unusable(certAttr, tls.cert(), "the client certificate", e)));
        }
        PrivateKey key = null;
        try {
            key = Pem.privateKey(tls.key());
        } catch (Pem.PemException e) {
            // Never quote the key's text, not even a path-looking start of it.
            out.add(new Problem(keyAttr, keyAttr + " is not usable: " + (Pem.looksLikePem(tls.key()) ? e.getMessage()
                    : "it must hold the PEM text of the client key, e.g. file(\"certs/key.pem\"), not a path") + "."));
        }
        if (cert != null && now.isAfter(cert.getNotAfter().toInstant())) {
            out.add(new Problem(certAttr, certAttr + " expired on " + cert.getNotAfter().toInstant()
                    + "; the engine would refuse it."));
        } else if (cert != null && now.isBefore(cert.getNotBefore().toInstant())) {
            out.add(new Problem(certAttr, certAttr + " is not valid before " + cert.getNotBefore().toInstant() + "."));
        }
        if (cert != null && key != null && !belongTogether(cert.getPublicKey(), key)) {
            out.add(new Problem(keyAttr, keyAttr + " is not the key of the certificate in " + certAttr + "."));
        }
        return out;
    }

    private static String unusable(String attr, String text, String what, Pem.PemException e) {
        String why = Pem.looksLikePem(text) ? e.getMessage()
                : "it must hold the PEM text of " + what + ", e.g. file(\"certs/" + (attr.contains("ca") ? "ca" : "cert")
                + ".pem\"), not a path";
        return attr + " is not usable: " + why + ".";
    }

    private static boolean belongTogether(PublicKey publicKey, PrivateKey privateKey) {
        if (!publicKey.getAlgorithm().equals(privateKey.getAlgorithm())) return false;
        String algorithm = switch (privateKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> privateKey.getAlgorithm();
        };
        try {
            byte[] probe = "berth checks a key pair".getBytes(StandardCharsets.UTF_8);
            Signature sign = Signature.getInstance(algorithm);
            sign.initSign(privateKey);
            sign.update(probe);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(publicKey);
            verify.update(probe);
            return verify.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
