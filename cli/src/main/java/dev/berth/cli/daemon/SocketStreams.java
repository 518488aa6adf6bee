package dev.berth.cli.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Streams over a connected socket channel that one thread may read while another writes: the
 * client's frames (Ctrl-C, input) are read while the command's output is written. The streams of
 * {@code java.nio.channels.Channels} take the channel's one blocking lock for both on JDK 17
 * (JDK-8279339, fixed in 19), so a write waited for the blocked read and the exit status never
 * left; a socket channel itself reads and writes under separate locks.
 */
final class SocketStreams {
    private SocketStreams() {
    }

    static InputStream in(SocketChannel channel) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) return 0;
                return channel.read(ByteBuffer.wrap(b, off, len));
            }
        };
    }

    static OutputStream out(SocketChannel channel) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) channel.write(buf);
            }
        };
    }
}
