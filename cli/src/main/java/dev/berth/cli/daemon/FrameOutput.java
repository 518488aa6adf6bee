package dev.berth.cli.daemon;

import java.io.IOException;
import java.io.OutputStream;

/** A client's standard output or error: every write goes to it as one frame of the given type. */
final class FrameOutput extends OutputStream {
    private final Frames frames;
    private final char type;

    FrameOutput(Frames frames, char type) {
        this.frames = frames;
        this.type = type;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > 0) frames.write(type, b, off, len);
    }
}
