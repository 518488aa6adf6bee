package dev.berth.cli.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A client's standard input, read only when the command reads it: each read asks the client for
 * at most that many bytes, so input the command never wanted stays where it was (a shell loop
 * feeding its own commands keeps its lines).
 */
final class DemandInput extends InputStream {
    private static final byte[] END = new byte[0];
    private final Frames frames;
    private final BlockingQueue<byte[]> answers = new ArrayBlockingQueue<>(1);
    private boolean ended;

    DemandInput(Frames frames) {
        this.frames = frames;
    }

    /** What the client read: some bytes, or the end of its input (null). */
    void answered(byte[] data) {
        answers.offer(data == null ? END : data);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (ended) return -1;
        frames.writeInt('N', len);
        byte[] got;
        try {
            got = answers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading standard input");
        }
        if (got.length == 0) {
            ended = true;
            return -1;
        }
        int n = Math.min(len, got.length);
        System.arraycopy(got, 0, b, off, n);
        return n;
    }
}
