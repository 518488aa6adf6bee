package dev.berth.engine.functions;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip as Terraform's base64gzip writes it: a header with no time stamp and operating system
 * "unknown", the data flushed, then an empty final block and the CRC-32 and length trailer.
 * The compressed bytes come from zlib rather than Go's compressor: the same for short text,
 * different (while decompressing to the same text) once the input has repeats worth matching.
 */
final class Gzip {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    // A final stored block with no data: what Go's writer emits when it is closed after a flush.
    private static final byte[] FINAL_EMPTY_BLOCK = {1, 0, 0, (byte) 0xff, (byte) 0xff};

    private Gzip() {
    }

    static byte[] compress(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HEADER);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(data);
            byte[] buf = new byte[8192];
            int n;
            do {
                n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                out.write(buf, 0, n);
            } while (n == buf.length);
        } finally {
            deflater.end();
        }
        out.writeBytes(FINAL_EMPTY_BLOCK);
        CRC32 crc = new CRC32();
        crc.update(data);
        writeLittleEndian(out, crc.getValue());
        writeLittleEndian(out, data.length & 0xFFFFFFFFL);
        return out.toByteArray();
    }

    private static void writeLittleEndian(ByteArrayOutputStream out, long v) {
        for (int i = 0; i < 4; i++) out.write((int) (v >> (8 * i)) & 0xFF);
    }
}
