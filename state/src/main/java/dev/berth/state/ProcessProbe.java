package dev.berth.state;

import dev.berth.engine.state.LockInfo.LockProcess;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Names the current process for the run lock and tells whether a recorded holder still runs.
 *
 * <p>A pid alone is not an identity: pids are reused. On Linux the start is the boot id, the pid
 * namespace and field 22 of {@code /proc/PID/stat} (start time in clock ticks since boot), read
 * the same way for the holder and for the process now owning its pid, so the comparison is exact;
 * wall-clock start instants are not used there because the boot time they derive from can shift
 * with clock adjustments and would make a live holder look dead. Elsewhere the JDK's start
 * instant is used with a second of tolerance.
 */
final class ProcessProbe {
    private static final Path PROC = Path.of("/proc");

    enum Verdict { ALIVE, GONE, UNKNOWN }

    private ProcessProbe() {
    }

    static LockProcess current() {
        long pid = ProcessHandle.current().pid();
        return new LockProcess(host(), pid, startOf(pid).orElse(null));
    }

    /**
     * GONE only when that is certain: same host, same pid namespace, and either another boot, no
     * such process, or a process with another start. A holder on another host, in another pid
     * namespace (another container), or recorded without a start is UNKNOWN.
     */
    static Verdict check(LockProcess holder) {
        if (holder == null || holder.host() == null || holder.start() == null) return Verdict.UNKNOWN;
        if (!holder.host().equals(host())) return Verdict.UNKNOWN;
        String[] then = holder.start().split(":");
        Optional<String> mine = startOf(ProcessHandle.current().pid());
        if (mine.isEmpty()) return Verdict.UNKNOWN;
        String[] now = mine.get().split(":");
        if (!then[0].equals(now[0])) return Verdict.UNKNOWN;
        if (then[0].equals("linux")) {
            if (then.length != 4 || now.length != 4) return Verdict.UNKNOWN;
            if (then[2].equals("?") || !then[2].equals(now[2])) return Verdict.UNKNOWN; // another pid namespace: its pids are not ours
            if (!then[1].equals(now[1])) return Verdict.GONE;    // the machine rebooted since
        }
        Optional<String> current = startOf(holder.pid());
        if (current.isEmpty()) return Verdict.GONE;
        if (then[0].equals("jdk")) {
            long a = Long.parseLong(then[1]), b = Long.parseLong(current.get().split(":")[1]);
            return Math.abs(a - b) > 1000 ? Verdict.GONE : Verdict.ALIVE;
        }
        return current.get().equals(holder.start()) ? Verdict.ALIVE : Verdict.GONE;
    }

    /** The start of a running process, or empty when there is no such process. */
    static Optional<String> startOf(long pid) {
        Path stat = PROC.resolve(Long.toString(pid)).resolve("stat");
        if (Files.isReadable(PROC.resolve("self/stat"))) {
            try {
                String text = Files.readString(stat);
                // The command name (field 2) is in parentheses and may hold spaces or ')'.
                String[] fields = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
                String ticks = fields[22 - 3];
                return Optional.of("linux:" + bootId() + ":" + pidNamespace() + ":" + ticks);
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
                .map(i -> "jdk:" + i.toEpochMilli());
    }

    private static String bootId() throws IOException {
        return Files.readString(PROC.resolve("sys/kernel/random/boot_id")).trim();
    }

    private static String pidNamespace() {
        try {
            // "pid:[4026531836]": the inode names the namespace.
            return Files.readSymbolicLink(PROC.resolve("self/ns/pid")).toString().replaceAll("[^0-9]", "");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "?";
        }
    }

    static String host() {
        try {
            String name = Files.readString(PROC.resolve("sys/kernel/hostname")).trim();
            if (!name.isEmpty()) return name;
        } catch (IOException | RuntimeException e) {
            // Not Linux: ask the JDK below.
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
