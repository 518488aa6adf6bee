package dev.berth.cli.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The client's wire format (cli/src/main/c/berth-client.c): one type byte, a 4-byte big-endian
 * length, the payload. Writes from several threads (stdout, stderr, the exit status) never
 * interleave within a frame.
 */
final class Frames {
    /** One frame read. */
    record Frame(char type, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final DataInputStream in;
    private final DataOutputStream out;

    Frames(InputStream in, OutputStream out) {
        this.in = new DataInputStream(in);
        this.out = new DataOutputStream(out);
    }

    /** The next frame, or null at the end of the stream. */
    Frame read() throws IOException {
        int type = in.read();
        if (type < 0) return null;
        int n = in.readInt();
        if (n < 0 || n > 64 << 20) throw new IOException("a frame of " + n + " bytes");
        byte[] payload = new byte[n];
        try {
            in.readFully(payload);
        } catch (EOFException e) {
            return null;
        }
        return new Frame((char) type, payload);
    }

    synchronized void write(char type, byte[] data, int off, int len) throws IOException {
        out.writeByte(type);
        out.writeInt(len);
        out.write(data, off, len);
        out.flush();
    }

    void writeInt(char type, int value) throws IOException {
        write(type, new byte[]{(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value}, 0, 4);
    }
}
