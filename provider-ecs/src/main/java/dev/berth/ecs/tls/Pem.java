package dev.berth.ecs.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM certificates and private keys with the JDK alone (docker-java would need
 * BouncyCastle, which berth leaves out). Keys may be PKCS#8 ({@code BEGIN PRIVATE KEY}, what
 * OpenSSL 3 writes), PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}, OpenSSL 1.x) or SEC1 EC
 * ({@code BEGIN EC PRIVATE KEY}); the last two are wrapped into PKCS#8 here. Every failure is a
 * {@link PemException} whose message completes "... is not usable: ".
 */
public final class Pem {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");
    private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
    private static final byte[] EC_PUBLIC_KEY_OID = hex("06072a8648ce3d0201");

    private Pem() {
    }

    /** A PEM text was not what it had to be; the message is a sentence fragment. */
    public static final class PemException extends Exception {
        PemException(String message) {
            super(message);
        }
    }

    public static boolean looksLikePem(String text) {
        return text != null && text.contains("-----BEGIN ");
    }

    /** Every certificate in {@code text}, in order (a CA file may hold several). */
    public static List<X509Certificate> certificates(String text) throws PemException {
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            if (!m.group(1).equals("CERTIFICATE")) continue;
            try {
                out.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(decode(m.group(2)))));
            } catch (CertificateException e) {
                throw new PemException("a CERTIFICATE block does not decode (" + e.getMessage() + ")");
            }
        }
        if (out.isEmpty()) throw new PemException("it holds no -----BEGIN CERTIFICATE----- block");
        return out;
    }

    public static PrivateKey privateKey(String text) throws PemException {
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            if (type.equals("ENCRYPTED PRIVATE KEY") || m.group(2).contains("Proc-Type: 4,ENCRYPTED")) {
                throw new PemException("the key is encrypted; give it without a passphrase "
                        + "(openssl pkey -in key.pem -out key-plain.pem)");
            }
            byte[] der = decode(m.group(2));
            switch (type) {
                case "PRIVATE KEY" -> {
                    return pkcs8(der);
                }
                case "RSA PRIVATE KEY" -> {
                    return pkcs8(Der.sequence(Der.integer(BigInteger.ZERO), RSA_ALGORITHM, Der.octets(der)));
                }
                case "EC PRIVATE KEY" -> {
                    byte[] curve = Der.ecCurveOid(der);
                    if (curve == null) throw new PemException("the EC key does not name its curve");
                    return pkcs8(Der.sequence(Der.integer(BigInteger.ZERO), Der.sequence(EC_PUBLIC_KEY_OID, curve),
                            Der.octets(der)));
                }
                default -> {
                    // Parameters and other blocks that may precede the key.
                }
            }
        }
        throw new PemException("it holds no -----BEGIN PRIVATE KEY----- block");
    }

    private static PrivateKey pkcs8(byte[] der) throws PemException {
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException | RuntimeException e) {
                // Try the next algorithm.
            }
        }
        throw new PemException("the private key is neither RSA, EC nor Ed25519, or is damaged");
    }

    private static byte[] decode(String body) throws PemException {
        StringBuilder b64 = new StringBuilder();
        for (String line : body.split("\\R")) {
            if (line.contains(":")) continue; // Headers of the traditional format.
            b64.append(line.strip());
        }
        try {
            return Base64.getDecoder().decode(b64.toString());
        } catch (IllegalArgumentException e) {
            throw new PemException("its base64 text is damaged");
        }
    }

    private static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        return out;
    }
}
