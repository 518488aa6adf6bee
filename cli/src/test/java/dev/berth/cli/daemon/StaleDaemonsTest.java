package dev.berth.cli.daemon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A starting background berth removes the directories of berths that are gone, and only those:
 * not one whose lock another process holds (a berth still running), not one touched within the
 * last minute (a berth a client is starting now), not its own, not anything else in the runtime
 * directory. The live berth is another process holding the lock as the JVM does (fcntl).
 */
class StaleDaemonsTest {
    @TempDir
    Path base;
    private Process holder;

    @AfterEach
    void stopHolder() throws Exception {
        if (holder != null) {
            holder.destroyForcibly();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Path daemonDir(String hex, Instant touched, String... files) throws Exception {
        Path d = Files.createDirectory(base.resolve("daemon-" + hex));
        for (String f : files) Files.writeString(d.resolve(f), f.equals("pid") ? "999999\n" : "");
        for (String f : files) Files.setLastModifiedTime(d.resolve(f), FileTime.from(touched));
        Files.setLastModifiedTime(d, FileTime.from(touched));
        return d;
    }

    @Test
    void onlyDirectoriesOfBerthsThatAreGoneAreRemoved() throws Exception {
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofHours(2));
        Path own = daemonDir("0000000000000001", old, "lock", "pid", "log");
        Path dead = daemonDir("0000000000000002", old, "lock", "pid", "log", "sock");
        Path neverStarted = daemonDir("0000000000000003", old, "log");
        Path live = daemonDir("0000000000000004", old, "lock", "pid", "log");
        Path justMade = daemonDir("0000000000000005", now.minusSeconds(5), "log");
        Path other = Files.createDirectory(base.resolve("something-else"));
        Files.setLastModifiedTime(other, FileTime.from(old));

        // Another process holds the live berth's lock as a JVM's FileChannel.lock does (fcntl).
        holder = new ProcessBuilder("python3", "-c", "import fcntl,sys,time\n"
                + "f=open(sys.argv[1],'r+')\nfcntl.lockf(f,fcntl.LOCK_EX)\nprint('held',flush=True)\ntime.sleep(60)",
                live.resolve("lock").toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("held", out.readLine());
        Files.setLastModifiedTime(live.resolve("lock"), FileTime.from(old));

        List<Path> removed = StaleDaemons.sweep(base, own, now);

        assertEquals(List.of(dead, neverStarted).stream().sorted().toList(), removed.stream().sorted().toList());
        assertTrue(!Files.exists(dead) && !Files.exists(neverStarted));
        assertTrue(Files.isDirectory(own) && Files.isDirectory(live) && Files.isDirectory(justMade)
                && Files.isDirectory(other));
        assertTrue(Files.exists(live.resolve("pid")), "the live berth's files are untouched");
    }
}
