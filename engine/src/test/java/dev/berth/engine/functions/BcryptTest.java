package dev.berth.engine.functions;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected hashes come from an independent implementation: glibc's crypt(3) (libxcrypt). */
class BcryptTest {
    private static final String ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    @Test
    void matchesLibxcryptForAGivenSalt() {
        assertEquals("$2a$04$abcdefghijklmnopqrstuuwHJMEGjfAzmL1lWmUmlphguIbWfjYey",
                Bcrypt.hash("hello", 4, salt("abcdefghijklmnopqrstuu")));
        assertEquals("$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy",
                Bcrypt.hash("", 5, salt("CCCCCCCCCCCCCCCCCCCCC.")));
    }

    @Test
    void theFunctionSaltsEveryCallAndChecksTheCost() {
        String a = Call.call("bcrypt", Call.s("pw"), Call.n(4)).toString();
        String b = Call.call("bcrypt", Call.s("pw"), Call.n(4)).toString();
        assertNotEquals(a, b);
        String h = ((dev.berth.engine.value.StringValue) Call.call("bcrypt", Call.s("pw"))).value();
        assertTrue(h.matches("\\$2a\\$10\\$[./A-Za-z0-9]{53}"), h);
        // Like Go's bcrypt, a cost below 4 means the default 10; above 31 is refused.
        assertTrue(((dev.berth.engine.value.StringValue) Call.call("bcrypt", Call.s("pw"), Call.n(3))).value()
                .startsWith("$2a$10$"));
        Call.fails("bcrypt", Call.s("pw"), Call.n(32));
    }

    /** Decodes bcrypt's 22-character salt text to its 16 bytes. */
    private static byte[] salt(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int bits = 0, acc = 0;
        for (char c : text.toCharArray()) {
            acc = (acc << 6) | ALPHABET.indexOf(c);
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write((acc >> bits) & 0xFF);
            }
        }
        return java.util.Arrays.copyOf(out.toByteArray(), 16);
    }
}
