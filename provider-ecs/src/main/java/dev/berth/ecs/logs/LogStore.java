package dev.berth.ecs.logs;

import dev.berth.ecs.runtime.LogLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * berth's own log store, as CloudWatch Logs is to ECS: groups of streams of timestamped lines,
 * in a directory readable by its owner only. A group is a directory, a stream a file of lines
 * {@code INSTANT TEXT}; names are percent-encoded into file names, so any group or stream name
 * ECS allows (slashes included) is one file. Several processes may copy into one stream at once
 * (an agent removing a container while {@code berth logs} follows it): each copy holds the
 * stream's file lock and resumes after the stream's last line, so no line is kept twice.
 */
public final class LogStore {
    /** One monitor per stream file in this JVM: Java's file locks are per process, not per thread. */
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();
    /** How far back from its end a stream is read to find where it stands. */
    private static final int TAIL_BYTES = 1 << 20;

    private final Path root;

    public LogStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Where a container's lines come from: everything at or after {@code from} (null: everything). */
    public interface LogSource {
        List<LogLine> since(Instant from);
    }

    /** Complete lines read from a byte offset of a stream, and the offset to read on from. */
    public record Chunk(List<LogLine> lines, long next) {
    }

    public boolean groupExists(String group) {
        return Files.isDirectory(groupDir(group));
    }

    public void createGroup(String group) {
        ownerOnlyDirectories(groupDir(group));
    }

    public boolean streamExists(String group, String stream) {
        return Files.isRegularFile(streamFile(group, stream));
    }

    /** Appends what the source has beyond the stream's last line; returns how many lines it kept. */
    public int keep(String group, String stream, LogSource source) {
        Path file = streamFile(group, stream);
        ownerOnlyDirectories(file.getParent());
        ownerOnlyFile(file);
        synchronized (MONITORS.computeIfAbsent(file, f -> new Object())) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 var lock = ch.lock()) {
                Cursor cursor = cursor(ch);
                List<LogLine> fresh = cursor.after(source.since(cursor.time()));
                if (fresh.isEmpty()) return 0;
                StringBuilder text = new StringBuilder();
                for (LogLine l : fresh) text.append(l.time()).append(' ').append(oneLine(l.text())).append('\n');
                ch.position(ch.size());
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) ch.write(bytes);
                ch.force(false);
                return fresh.size();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not keep the log stream " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** The complete lines of a stream from {@code offset} on; an absent stream has none. */
    public Chunk read(String group, String stream, long offset) {
        Path file = streamFile(group, stream);
        if (!Files.isRegularFile(file)) return new Chunk(List.of(), offset);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size <= offset) return new Chunk(List.of(), offset);
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, size - offset));
            ch.read(buf, offset);
            byte[] bytes = buf.array();
            int end = lastNewline(bytes, buf.position());
            if (end < 0) return new Chunk(List.of(), offset);
            List<LogLine> lines = parse(new String(bytes, 0, end + 1, StandardCharsets.UTF_8));
            return new Chunk(lines, offset + end + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the log stream " + file + ": " + e.getMessage(), e);
        }
    }

    Path groupDir(String group) {
        return root.resolve(FileNames.encode(group));
    }

    Path streamFile(String group, String stream) {
        return groupDir(group).resolve(FileNames.encode(stream) + ".log");
    }

    /** Where a stream stands: its last line's time and how many lines at its end carry that time. */
    private record Cursor(Instant time, int atTime) {
        List<LogLine> after(List<LogLine> lines) {
            if (time == null) return lines;
            List<LogLine> out = new ArrayList<>();
            int skipped = 0;
            for (LogLine l : lines) {
                int c = l.time().compareTo(time);
                if (c < 0) continue;
                if (c == 0 && skipped < atTime) {
                    skipped++;
                    continue;
                }
                out.add(l);
            }
            return out;
        }
    }

    /** Reads the stream's tail; a line torn by a crash mid-write is cut off, so the next copy writes it whole. */
    private static Cursor cursor(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0) return new Cursor(null, 0);
        long start = Math.max(0, size - TAIL_BYTES);
        ByteBuffer buf = ByteBuffer.allocate((int) (size - start));
        ch.read(buf, start);
        byte[] bytes = buf.array();
        int end = lastNewline(bytes, bytes.length);
        if (end < 0) {
            if (start == 0) ch.truncate(0);
            return new Cursor(null, 0);
        }
        if (end + 1 < bytes.length) ch.truncate(start + end + 1);
        int from = 0;
        if (start > 0) {
            // The first line of the window may be partial: skip to after its end.
            while (from < end && bytes[from] != '\n') from++;
            from++;
        }
        List<LogLine> lines = parse(new String(bytes, from, end + 1 - from, StandardCharsets.UTF_8));
        if (lines.isEmpty()) return new Cursor(null, 0);
        Instant last = lines.get(lines.size() - 1).time();
        int count = 0;
        for (int i = lines.size() - 1; i >= 0 && lines.get(i).time().equals(last); i--) count++;
        return new Cursor(last, count);
    }

    private static List<LogLine> parse(String text) {
        List<LogLine> out = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int nl = text.indexOf('\n', at);
            if (nl < 0) break;
            String line = text.substring(at, nl);
            at = nl + 1;
            int space = line.indexOf(' ');
            if (space <= 0) continue;
            try {
                out.add(new LogLine(Instant.parse(line.substring(0, space)), line.substring(space + 1)));
            } catch (java.time.format.DateTimeParseException notALine) {
                // Not written by berth; leave it out rather than fail the whole read.
            }
        }
        return out;
    }

    private static int lastNewline(byte[] bytes, int length) {
        for (int i = length - 1; i >= 0; i--) if (bytes[i] == '\n') return i;
        return -1;
    }

    private static String oneLine(String text) {
        return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? text : text.replace("\r", "").replace('\n', ' ');
    }

    private static void ownerOnlyDirectories(Path dir) {
        try {
            if (Files.isDirectory(dir)) return;
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException raced) {
            // Made by another process between the check and the create.
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the log directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void ownerOnlyFile(Path file) {
        if (Files.exists(file)) return;
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            // Another copy made it first.
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the log stream " + file + ": " + e.getMessage(), e);
        }
    }
}
