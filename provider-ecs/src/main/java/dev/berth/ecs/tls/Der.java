package dev.berth.ecs.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/** The little DER needed to wrap traditional private keys into PKCS#8. */
final class Der {
    private Der() {
    }

    static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : parts) body.writeBytes(p);
        return tlv(0x30, body.toByteArray());
    }

    static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    static byte[] octets(byte[] value) {
        return tlv(0x04, value);
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            byte[] len = BigInteger.valueOf(n).toByteArray();
            int skip = len[0] == 0 ? 1 : 0;
            out.write(0x80 | (len.length - skip));
            out.write(len, skip, len.length - skip);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    /**
     * The curve OID (tag and all) in a SEC1 ECPrivateKey: SEQUENCE { version, privateKey OCTET
     * STRING, [0] parameters OID, ... }; null when the key leaves it out.
     */
    static byte[] ecCurveOid(byte[] sec1) {
        try {
            int[] pos = {0};
            if ((sec1[pos[0]++] & 0xff) != 0x30) return null;
            length(sec1, pos);
            while (pos[0] < sec1.length) {
                int tag = sec1[pos[0]++] & 0xff;
                int len = length(sec1, pos);
                if (tag == 0xa0) {
                    byte[] oid = new byte[len];
                    System.arraycopy(sec1, pos[0], oid, 0, len);
                    return oid;
                }
                pos[0] += len;
            }
            return null;
        } catch (ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static int length(byte[] der, int[] pos) {
        int first = der[pos[0]++] & 0xff;
        if (first < 0x80) return first;
        int n = 0;
        for (int i = 0; i < (first & 0x7f); i++) n = (n << 8) | (der[pos[0]++] & 0xff);
        return n;
    }
}
