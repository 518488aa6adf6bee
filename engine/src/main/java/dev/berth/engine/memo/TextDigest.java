package dev.berth.engine.memo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What a memo keeps of a text it has to recognise again: the SHA-256 of the text's UTF-8 bytes,
 * 48 bytes instead of the text. A background berth planning 100,000 resources kept the state's
 * stored text of every object (93 MB) and the configuration's text (42 MB) only to compare them
 * with the next read's; a digest answers the same question without holding them.
 */
public record TextDigest(long a, long b, long c, long d) {

    /** The digest of the texts one after another, each ended by a NUL (which no part holds). */
    public static TextDigest of(String... parts) {
        MessageDigest sha = sha256();
        for (String p : parts) {
            sha.update(p.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return of(sha);
    }

    /**
     * The digest of a file's bytes, read a piece at a time: for a file that reads as UTF-8, the
     * digest {@code of} its text gives, without holding the text.
     */
    public static TextDigest ofFile(Path file) throws IOException {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
        }
        sha.update((byte) 0);
        return of(sha);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static TextDigest of(MessageDigest sha) {
        ByteBuffer sum = ByteBuffer.wrap(sha.digest());
        return new TextDigest(sum.getLong(), sum.getLong(), sum.getLong(), sum.getLong());
    }
}
