package dev.berth.ecs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports for tests that must name one: tests running beside each other never share a fixed one. */
public final class LoopbackPorts {
    private LoopbackPorts() {
    }

    /** A port free on 127.0.0.1 when this returns (the kernel's pick; nothing holds it afterwards). */
    public static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
