package dev.berth.engine.functions;

import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import javax.crypto.Cipher;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * rsadecrypt(ciphertext, privatekey): RSA PKCS #1 v1.5 decryption of base64 text with a PEM key
 * in PKCS #1 ("RSA PRIVATE KEY") or PKCS #8 ("PRIVATE KEY") form, as Terraform accepts.
 */
final class RsaDecrypt {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (RSA )?PRIVATE KEY-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END (RSA )?PRIVATE KEY-----");
    // The DER prefix of a PKCS #8 wrapper: version 0 and the rsaEncryption algorithm identifier.
    private static final byte[] RSA_ALGORITHM = {0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48,
            (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private RsaDecrypt() {
    }

    static Value decrypt(Args a) {
        byte[] cipherBytes;
        try {
            cipherBytes = Base64.getDecoder().decode(a.string(0));
        } catch (IllegalArgumentException e) {
            throw a.invalid(0, "failed to decode input " + Text.quote(a.string(0)) + ": cipher text must be base64-encoded");
        }
        Matcher m = PEM.matcher(a.string(1));
        if (!m.find()) throw a.invalid(1, "invalid private key: no key found");
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        byte[] pkcs8 = m.group(1) != null ? wrapPkcs1(der) : der;
        byte[] plain;
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.DECRYPT_MODE, key);
            plain = rsa.doFinal(cipherBytes);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new FunctionException("failed to decrypt: " + e.getMessage());
        }
        try {
            return new StringValue(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain)).toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new FunctionException("the decrypted text is not valid UTF-8");
        }
    }

    private static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04);
        writeLength(body, pkcs1.length);
        body.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        writeLength(out, body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int n) {
        if (n < 0x80) {
            out.write(n);
            return;
        }
        int bytes = n > 0xFFFFFF ? 4 : n > 0xFFFF ? 3 : n > 0xFF ? 2 : 1;
        out.write(0x80 | bytes);
        for (int i = bytes - 1; i >= 0; i--) out.write((n >> (8 * i)) & 0xFF);
    }
}
