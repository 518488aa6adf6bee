package dev.berth.cli.daemon;

import java.io.File;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a served command could leave behind in the background JVM, counted when it ends: live
 * threads (by name) and open file descriptors. An apply starts thread pools, Docker clients and
 * SQLite connections; in a JVM of its own they died with it, here they would pile up from one
 * command to the next. The daemon writes this to its log after every command, so a test (and
 * whoever reads the log) can check that an apply leaves the JVM as it found it.
 */
final class Residue {
    private Residue() {
    }

    /** "N threads, M open files (name xcount, ...)": the thread names say what a leftover is. */
    static String now() {
        Map<String, Integer> byName = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive()) byName.merge(t.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        int threads = byName.values().stream().mapToInt(Integer::intValue).sum();
        String[] fds = new File("/proc/self/fd").list();
        return threads + " threads, " + (fds == null ? -1 : fds.length) + " open files " + byName;
    }
}
