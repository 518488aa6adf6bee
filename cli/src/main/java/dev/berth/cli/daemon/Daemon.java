package dev.berth.cli.daemon;

import dev.berth.engine.memo.LastRead;

import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The background berth (README, "The background berth"): a JVM that stays up in a directory of
 * the user's and runs the commands berth-client hands it, one at a time. The client chose the
 * directory by this JVM's jar, options, working directory and environment, so what a command reads
 * of its process here (System.getenv, relative paths, the time zone) is what it would read in a
 * JVM of the client's own; this JVM checks that again and turns away any request that differs.
 * It runs only the commands that read and print, and apply and destroy ({@link ServedCommands}).
 * It leaves after BERTH_DAEMON_IDLE seconds without a command (600 by default), and as soon as
 * its jar changes on disk. When it starts, it removes the directories of berths that are gone.
 */
public final class Daemon {
    private static final PrintStream LOG = System.err;

    private final Path dir;
    private final Path jar;
    private final Object jarVersion;
    private final Duration idle;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Instant lastUsed = Instant.now();

    private Daemon(Path dir, Path jar, Duration idle) throws IOException {
        this.dir = dir;
        this.jar = jar;
        this.jarVersion = version(jar);
        this.idle = idle;
    }

    /** Serves the client directory {@code dir} until idle; returns when this JVM should exit. */
    public static void serve(Path dir) throws Exception {
        Path jar = Path.of(Daemon.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!privateDir(dir)) {
            log(dir + " is not a directory of this user's alone (0700); not serving");
            return;
        }
        try (FileChannel lockFile = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = lockFile.tryLock()) {
            if (held == null) return; // another one serves this directory already
            sweepSiblings(dir);
            // Plan after plan of one directory: each load and state read takes what the last one
            // worked out where its input is unchanged.
            LastRead.keepAcrossReads(true);
            new Daemon(dir, jar, idle(System.getenv())).loop();
        }
    }

    /** Removes, beside this one, the directories of background berths that are gone ({@link StaleDaemons}). */
    private static void sweepSiblings(Path dir) {
        Path base = dir.toAbsolutePath().getParent();
        if (base == null) return;
        Thread t = new Thread(() -> {
            for (Path gone : StaleDaemons.sweep(base, dir, Instant.now())) log("removed " + gone + ", whose berth is gone");
        }, "berth-daemon-sweep");
        t.setDaemon(true);
        t.start();
    }

    static void log(String line) {
        LOG.println(Instant.now() + " pid " + ProcessHandle.current().pid() + ": " + line);
    }

    private void loop() throws IOException {
        Path socket = dir.resolve("sock");
        Files.deleteIfExists(socket);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            log("serving " + System.getProperty("user.dir") + " with " + jar);
            Files.writeString(dir.resolve("pid"), ProcessHandle.current().pid() + "\n");
            Thread watch = new Thread(() -> watch(server), "berth-daemon-watch");
            watch.setDaemon(true);
            watch.start();
            while (server.isOpen()) {
                SocketChannel client;
                try {
                    client = server.accept();
                } catch (IOException closed) {
                    break;
                }
                accept(client);
            }
        } finally {
            Files.deleteIfExists(socket);
            // A client accepted just before the socket closed finishes first.
            while (busy.get()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    break;
                }
            }
            log("leaving");
        }
    }

    private void accept(SocketChannel client) {
        Frames frames;
        try {
            frames = new Frames(SocketStreams.in(client), SocketStreams.out(client));
            if (!sameUser(client) || !busy.compareAndSet(false, true)) {
                refuse(client, frames);
                return;
            }
        } catch (IOException e) {
            close(client);
            return;
        }
        AtomicBoolean mine = new AtomicBoolean(true);
        Runnable free = () -> {
            // Once per request: a later request's hold on the JVM is never given up by this one.
            if (mine.compareAndSet(true, false)) {
                lastUsed = Instant.now();
                busy.set(false);
            }
        };
        Thread t = new Thread(() -> {
            try {
                Request request = Request.read(frames);
                if (request != null) {
                    if (fits(request)) new Served(frames, request, free).run();
                    else frames.write('B', new byte[0], 0, 0);
                }
            } catch (IOException | RuntimeException e) {
                log("a request failed: " + e);
            } finally {
                close(client);
                free.run();
                collectLeftovers();
            }
        }, "main");
        t.start();
    }

    /** Above this much heap in use after a command, the daemon collects it whole. */
    private static final long LEFTOVERS = 64L << 20;

    /**
     * A full collection once a command has answered, when it left much behind: what a large
     * command built (its configuration's values, its plan) sat in the old generation, where every
     * young collection of the next command scanned it. Measured on a no-change plan of 10,000
     * resources served again and again: 1.05-1.14 s each without, 0.93-0.95 s with a collection
     * between them (about 0.1 s, after the client has its answer; a command sent at that very
     * moment waits for it). It also gives the heap back to the system while the daemon idles.
     * Small commands leave too little to bother.
     */
    private static void collectLeftovers() {
        Runtime r = Runtime.getRuntime();
        if (r.totalMemory() - r.freeMemory() > LEFTOVERS) System.gc();
    }

    /** The request is one a fresh JVM here would run exactly as the client's own JVM: same environment, directory and jar. */
    private boolean fits(Request request) {
        if (!ServedCommands.served(request.args())) {
            log("turned away a command it does not run");
            return false;
        }
        if (!request.env().equals(System.getenv())) {
            log("turned away a request whose environment differs from this JVM's");
            return false;
        }
        if (!request.cwd().equals(System.getProperty("user.dir"))) {
            log("turned away a request from another directory");
            return false;
        }
        return !jarChanged();
    }

    private static void refuse(SocketChannel client, Frames frames) {
        try {
            frames.write('B', new byte[0], 0, 0);
        } catch (IOException ignored) {
            // The client is gone; nothing to tell.
        }
        close(client);
    }

    private boolean sameUser(SocketChannel client) throws IOException {
        var peer = client.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED);
        return peer != null && peer.user().getName().equals(Files.getOwner(dir).getName());
    }

    private void watch(ServerSocketChannel server) {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            if (busy.get()) continue;
            boolean stale = jarChanged();
            if (stale || Duration.between(lastUsed, Instant.now()).compareTo(idle) > 0) {
                log(stale ? "the jar changed" : "idle for " + idle.toSeconds() + " s");
                // Stop taking clients; one that raced in gets the socket closed and runs its own JVM.
                close(server);
                return;
            }
        }
    }

    private boolean jarChanged() {
        try {
            return !jarVersion.equals(version(jar));
        } catch (IOException e) {
            return true;
        }
    }

    private static Object version(Path jar) throws IOException {
        BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
        return java.util.List.of(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime().toInstant());
    }

    static Duration idle(Map<String, String> env) {
        String set = env.get("BERTH_DAEMON_IDLE");
        if (set != null && set.matches("\\d{1,7}")) return Duration.ofSeconds(Long.parseLong(set));
        return Duration.ofMinutes(10);
    }

    private static boolean privateDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false;
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(dir);
        return Objects.equals(Files.getOwner(dir).getName(), System.getProperty("user.name"))
                && p.stream().allMatch(x -> x.name().startsWith("OWNER_"));
    }

    private static void close(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Closing what is already broken.
        }
    }
}
