package dev.berth.ecs.runtime.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A small POSIX (ustar) tar archive in memory: Docker's archive endpoint takes files into a
 * container only as tar. Paths stay under 100 characters, so no long-name extensions are needed.
 */
final class TarArchive {
    private static final int BLOCK = 512;

    private record Entry(byte[] content, int mode, boolean directory) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /**
     * The files (path to content, relative to the root) with every directory above them, files
     * under a {@code cgi-bin} directory executable, the others readable by all.
     */
    static TarArchive of(Map<String, String> files) {
        TarArchive tar = new TarArchive();
        files.forEach((path, content) -> {
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                tar.directory(path.substring(0, slash));
            }
            tar.file(path, content, path.contains("/cgi-bin/") ? 0755 : 0644);
        });
        return tar;
    }

    TarArchive directory(String path) {
        entries.put(path.endsWith("/") ? path : path + "/", new Entry(new byte[0], 0755, true));
        return this;
    }

    TarArchive file(String path, String content, int mode) {
        entries.put(path, new Entry(content.getBytes(StandardCharsets.UTF_8), mode, false));
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long now = System.currentTimeMillis() / 1000;
        entries.forEach((path, e) -> {
            out.writeBytes(header(path, e, now));
            out.writeBytes(e.content());
            int pad = (BLOCK - e.content().length % BLOCK) % BLOCK;
            out.writeBytes(new byte[pad]);
        });
        out.writeBytes(new byte[2 * BLOCK]);
        return out.toByteArray();
    }

    /** The archive gzipped and in base64, small enough to travel in an environment variable. */
    String gzipBase64() {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            gz.write(bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(packed.toByteArray());
    }

    private static byte[] header(String path, Entry e, long mtime) {
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        if (name.length >= 100) throw new IllegalArgumentException("tar path too long: " + path);
        byte[] h = new byte[BLOCK];
        System.arraycopy(name, 0, h, 0, name.length);
        octal(h, 100, 8, e.mode());
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, e.content().length);
        octal(h, 136, 12, mtime);
        h[156] = (byte) (e.directory() ? '5' : '0');
        System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 8);
        // The checksum is computed with its own field taken as eight spaces.
        for (int i = 148; i < 156; i++) h[i] = ' ';
        long sum = 0;
        for (byte b : h) sum += b & 0xff;
        octal(h, 148, 7, sum);
        return h;
    }

    /** Zero-padded octal with a NUL terminator, as ustar numeric fields are written. */
    private static void octal(byte[] h, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        String padded = "0".repeat(Math.max(0, length - 1 - digits.length())) + digits;
        byte[] b = padded.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, offset, length - 1);
        h[offset + length - 1] = 0;
    }
}
