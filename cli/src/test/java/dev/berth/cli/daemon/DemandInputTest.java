package dev.berth.cli.daemon;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Standard input is asked of the client only when read, at most as many bytes as the read wants. */
class DemandInputTest {

    @Test
    void eachReadAsksTheClientForWhatItWantsAndEndsWithTheClientsInput() throws Exception {
        // A pipe of channels: unlike PipedInputStream it does not care which thread wrote.
        Pipe pipe = Pipe.open();
        Frames daemonSide = new Frames(new ByteArrayInputStream(new byte[0]), Channels.newOutputStream(pipe.sink()));
        Frames clientSide = new Frames(Channels.newInputStream(pipe.source()), java.io.OutputStream.nullOutputStream());
        DemandInput in = new DemandInput(daemonSide);

        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                byte[] buf = new byte[10];
                int n = in.read(buf, 0, 10);
                assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), java.util.Arrays.copyOf(buf, n));
                return n;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Frames.Frame want = clientSide.read();
        assertEquals('N', want.type());
        assertArrayEquals(new byte[]{0, 0, 0, 10}, want.payload(), "asks for at most what the read wants");
        in.answered("abc".getBytes(StandardCharsets.UTF_8));
        assertEquals(3, read.get(10, TimeUnit.SECONDS));

        CompletableFuture<Integer> end = CompletableFuture.supplyAsync(() -> {
            try {
                return in.read();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals('N', clientSide.read().type());
        in.answered(null);
        assertEquals(-1, end.get(10, TimeUnit.SECONDS));
        assertEquals(-1, in.read(), "after the end no more is asked");
    }
}
