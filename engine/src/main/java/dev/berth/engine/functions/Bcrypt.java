package dev.berth.engine.functions;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * bcrypt password hashing ($2a$, as Go's golang.org/x/crypto/bcrypt writes it): the expensive
 * Blowfish key schedule over the password and a random salt, then "OrpheanBeholderScryDoubt"
 * encrypted 64 times. Blowfish's initial tables are the hexadecimal digits of pi, computed once
 * here rather than typed in.
 */
final class Bcrypt {
    private static final String ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final byte[] MAGIC = "OrpheanBeholderScryDoubt".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile int[] piWords;

    private final int[] p = new int[18];
    private final int[] s = new int[1024];

    private Bcrypt() {
        int[] pi = pi();
        System.arraycopy(pi, 0, p, 0, 18);
        System.arraycopy(pi, 18, s, 0, 1024);
    }

    static String hash(String password, int cost) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return hash(password, cost, salt);
    }

    static String hash(String password, int cost, byte[] salt) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        byte[] key = Arrays.copyOf(pw, Math.min(pw.length + 1, 72)); // NUL-terminated, at most 72 bytes
        Bcrypt b = new Bcrypt();
        b.expand(key, salt);
        for (long i = 0, rounds = 1L << cost; i < rounds; i++) {
            b.expand(key, null);
            b.expand(salt, null);
        }
        int[] text = new int[6];
        for (int i = 0; i < 6; i++) text[i] = word(MAGIC, i * 4);
        for (int round = 0; round < 64; round++) {
            for (int i = 0; i < 6; i += 2) b.encipher(text, i);
        }
        byte[] out = new byte[24];
        for (int i = 0; i < 6; i++) {
            for (int k = 0; k < 4; k++) out[i * 4 + k] = (byte) (text[i] >>> (24 - 8 * k));
        }
        return "$2a$" + (cost < 10 ? "0" : "") + cost + "$" + encode(salt, 16) + encode(out, 23);
    }

    private static int word(byte[] data, int offset) {
        int w = 0;
        for (int k = 0; k < 4; k++) w = (w << 8) | (data[(offset + k) % data.length] & 0xFF);
        return w;
    }

    /** Blowfish's key expansion, with the salt mixed in when one is given. */
    private void expand(byte[] key, byte[] salt) {
        int keyPos = 0;
        for (int i = 0; i < 18; i++) {
            p[i] ^= word(key, keyPos);
            keyPos = (keyPos + 4) % key.length;
        }
        int[] lr = {0, 0};
        int saltPos = 0;
        for (int i = 0; i < 18 + 1024; i += 2) {
            if (salt != null) {
                lr[0] ^= word(salt, saltPos);
                lr[1] ^= word(salt, saltPos + 4);
                saltPos = (saltPos + 8) % salt.length;
            }
            encipher(lr, 0);
            if (i < 18) {
                p[i] = lr[0];
                p[i + 1] = lr[1];
            } else {
                s[i - 18] = lr[0];
                s[i - 17] = lr[1];
            }
        }
    }

    private int f(int x) {
        return ((s[x >>> 24] + s[0x100 | (x >>> 16 & 0xFF)]) ^ s[0x200 | (x >>> 8 & 0xFF)]) + s[0x300 | (x & 0xFF)];
    }

    private void encipher(int[] lr, int off) {
        int l = lr[off], r = lr[off + 1];
        l ^= p[0];
        for (int i = 1; i <= 16; i += 2) {
            r ^= f(l) ^ p[i];
            l ^= f(r) ^ p[i + 1];
        }
        lr[off] = r ^ p[17];
        lr[off + 1] = l;
    }

    /** bcrypt's base64: its own alphabet, no padding, the first {@code n} bytes. */
    private static String encode(byte[] data, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i += 3) {
            int c1 = data[i] & 0xFF;
            out.append(ALPHABET.charAt(c1 >> 2));
            c1 = (c1 & 0x03) << 4;
            if (i + 1 >= n) {
                out.append(ALPHABET.charAt(c1));
                break;
            }
            int c2 = data[i + 1] & 0xFF;
            out.append(ALPHABET.charAt(c1 | c2 >> 4));
            c1 = (c2 & 0x0F) << 2;
            if (i + 2 >= n) {
                out.append(ALPHABET.charAt(c1));
                break;
            }
            int c3 = data[i + 2] & 0xFF;
            out.append(ALPHABET.charAt(c1 | c3 >> 6)).append(ALPHABET.charAt(c3 & 0x3F));
        }
        return out.toString();
    }

    /** The first 1042 32-bit words of pi's fractional part: Blowfish's P-array then its S-boxes. */
    private static int[] pi() {
        int[] words = piWords;
        if (words != null) return words;
        int bits = 1042 * 32;
        int guard = 64;
        int scale = bits + guard;
        // Machin: pi = 16 atan(1/5) - 4 atan(1/239), in fixed point with `scale` fraction bits.
        BigInteger pi = atanInverse(5, scale).shiftLeft(4).subtract(atanInverse(239, scale).shiftLeft(2));
        BigInteger fraction = pi.subtract(BigInteger.valueOf(3).shiftLeft(scale)).shiftRight(guard);
        words = new int[1042];
        for (int i = 0; i < 1042; i++) words[i] = fraction.shiftRight(bits - 32 * (i + 1)).intValue();
        piWords = words;
        return words;
    }

    private static BigInteger atanInverse(int x, int scale) {
        BigInteger one = BigInteger.ONE.shiftLeft(scale);
        BigInteger xx = BigInteger.valueOf((long) x * x);
        BigInteger term = one.divide(BigInteger.valueOf(x));
        BigInteger sum = term;
        for (int n = 3, sign = -1; term.signum() != 0; n += 2, sign = -sign) {
            term = term.divide(xx);
            BigInteger t = term.divide(BigInteger.valueOf(n));
            sum = sign < 0 ? sum.subtract(t) : sum.add(t);
        }
        return sum;
    }
}
