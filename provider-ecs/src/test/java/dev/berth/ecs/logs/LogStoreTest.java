package dev.berth.ecs.logs;

import dev.berth.ecs.runtime.LogLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogStoreTest {
    @TempDir
    Path dir;

    private static LogLine line(String time, String text) {
        return new LogLine(Instant.parse(time), text);
    }

    @Test
    void keepsEachLineOnceHoweverOftenTheSameOutputIsCopied() {
        LogStore store = new LogStore(dir.resolve("logs"));
        List<LogLine> engine = new ArrayList<>(List.of(line("2026-12-03T10:00:00.100Z", "one"),
                line("2026-12-03T10:00:00.100Z", "two, same instant"), line("2026-12-03T10:00:01.500Z", "three")));
        List<Instant> asked = new ArrayList<>();
        LogStore.LogSource source = from -> {
            asked.add(from);
            // Docker's since is whole seconds: it answers with the whole second the cursor is in.
            return engine.stream().filter(l -> from == null || l.time().getEpochSecond() >= from.getEpochSecond()).toList();
        };
        assertEquals(3, store.keep("/ecs/web", "ecs/web/t1", source));
        assertEquals(0, store.keep("/ecs/web", "ecs/web/t1", source));
        engine.add(line("2026-12-03T10:00:01.500Z", "four, same instant as three"));
        engine.add(line("2026-12-03T10:00:02Z", "five"));
        assertEquals(2, store.keep("/ecs/web", "ecs/web/t1", source));
        assertEquals(java.util.Arrays.asList(null, Instant.parse("2026-12-03T10:00:01.500Z"),
                Instant.parse("2026-12-03T10:00:01.500Z")), asked);
        List<String> texts = store.read("/ecs/web", "ecs/web/t1", 0).lines().stream().map(LogLine::text).toList();
        assertEquals(List.of("one", "two, same instant", "three", "four, same instant as three", "five"), texts);
    }

    @Test
    void readsOnFromWhereTheLastReadEnded() {
        LogStore store = new LogStore(dir);
        store.keep("g", "s", from -> List.of(line("2026-12-03T10:00:00Z", "a")));
        LogStore.Chunk first = store.read("g", "s", 0);
        assertEquals(1, first.lines().size());
        store.keep("g", "s", from -> List.of(line("2026-12-03T10:00:00Z", "a"), line("2026-12-03T10:00:05Z", "b")));
        LogStore.Chunk second = store.read("g", "s", first.next());
        assertEquals(List.of("b"), second.lines().stream().map(LogLine::text).toList());
        assertEquals(List.of(), store.read("g", "s", second.next()).lines());
        assertEquals(List.of(), store.read("g", "absent", 0).lines());
    }

    @Test
    void aLineTornByACrashIsWrittenWholeByTheNextCopy() throws Exception {
        LogStore store = new LogStore(dir);
        store.keep("g", "s", from -> List.of(line("2026-12-03T10:00:00Z", "a")));
        Path file = store.streamFile("g", "s");
        Files.writeString(file, "2026-12-03T10:00:01Z tor", java.nio.file.StandardOpenOption.APPEND);
        store.keep("g", "s", from -> List.of(line("2026-12-03T10:00:00Z", "a"), line("2026-12-03T10:00:01Z", "torn")));
        assertEquals(List.of("a", "torn"), store.read("g", "s", 0).lines().stream().map(LogLine::text).toList());
    }

    @Test
    void groupsAndStreamsAreOwnerOnlyAndAnyNameIsOneFile() throws Exception {
        LogStore store = new LogStore(dir.resolve("logs"));
        assertFalse(store.groupExists("/ecs/web"));
        store.createGroup("/ecs/web");
        assertTrue(store.groupExists("/ecs/web"));
        store.keep("/ecs/web", "../../etc/x", from -> List.of(line("2026-12-03T10:00:00Z", "a")));
        Path group = store.groupDir("/ecs/web");
        assertEquals(dir.resolve("logs"), group.getParent());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(group)));
        Path stream = store.streamFile("/ecs/web", "../../etc/x");
        assertEquals(group, stream.getParent());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stream)));
        assertEquals("%2Fecs%2Fweb", group.getFileName().toString());
    }

    @Test
    void theStoreSitsBesideTheControlPlaneUnlessTheEnvironmentNamesOne() {
        assertEquals(Path.of("/data/berth/ecs-logs"), LogStoreLocation.resolve(Path.of("/data/berth/ecs.db"), Map.of()));
        assertEquals(Path.of("/tmp/l"), LogStoreLocation.resolve(Path.of("/data/berth/ecs.db"),
                Map.of(LogStoreLocation.ENV, "/tmp/l")));
    }
}
