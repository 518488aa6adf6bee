package dev.berth.sqlite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commit stamp stays put while nobody commits and moves with every commit, whoever makes it. */
class WalIndexTest {
    private static final SqliteDb.Kind KIND = new SqliteDb.Kind("the test file", "test file", 2_000,
            IllegalStateException::new);

    @TempDir
    Path dir;

    private SqliteDb open(Path file) {
        return SqliteDb.open(file, KIND, db -> db.exec("CREATE TABLE IF NOT EXISTS t(k TEXT PRIMARY KEY, v TEXT)"));
    }

    private static void put(SqliteDb db, String k, String v) {
        db.write("write to", () -> db.update("INSERT INTO t(k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v", k, v));
    }

    @Test
    void aStampStaysWhileNobodyCommitsAndMovesWithEveryCommit() throws Exception {
        Path file = dir.resolve("a.db");
        Files.createFile(file);
        try (SqliteDb mine = open(file); SqliteDb other = open(file)) {
            put(mine, "a", "1");
            WalIndex.Stamp first = mine.commitStamp();
            assertNotNull(first, "a file in WAL mode has a stamp once written");
            mine.read("read", () -> mine.queryOne("SELECT v FROM t WHERE k = 'a'", rs -> rs.getString(1)));
            assertEquals(first, mine.commitStamp(), "a read commits nothing");
            assertEquals(first, other.commitStamp(), "every connection reads the one index");

            put(other, "b", "2");
            WalIndex.Stamp second = mine.commitStamp();
            assertNotEquals(first, second, "another connection's commit moves it");
            put(mine, "a", "3");
            WalIndex.Stamp third = mine.commitStamp();
            assertNotEquals(second, third, "this connection's own commit moves it");
            mine.exec("PRAGMA wal_checkpoint(TRUNCATE)");
            put(other, "c", "4");
            assertNotEquals(third, mine.commitStamp(), "a commit after the log started over moves it");
        }
    }

    @Test
    void thereIsNoStampWithoutAnIndexOrOnceClosed() throws Exception {
        assertNull(WalIndex.open(dir.resolve("none.db")).stamp(), "no database file: no stamp");
        Path file = dir.resolve("b.db");
        Files.createFile(file);
        SqliteDb db = open(file);
        put(db, "a", "1");
        assertNotNull(db.commitStamp());
        db.close();
        assertNull(db.commitStamp(), "a closed connection has none");
    }

    /**
     * POSIX locks belong to the process: closing any descriptor of the index file would drop the
     * lock SQLite holds on it for every connection here, and another process would then rebuild
     * the index under them. The index stays open until the last connection closed.
     */
    @Test
    void readingTheIndexNeverDropsTheLocksSqliteHoldsOnIt() throws Exception {
        Path file = dir.resolve("c.db");
        Files.createFile(file);
        SqliteDb first = open(file);
        SqliteDb second = open(file);
        try {
            put(first, "a", "1");
            assertNotNull(first.commitStamp());
            assertNotNull(second.commitStamp());
            long inode = (long) Files.getAttribute(dir.resolve("c.db-shm"), "unix:ino");
            assertTrue(locked(inode), "SQLite holds a lock on the index while connections are open");
            first.close();
            assertNotNull(second.commitStamp());
            assertTrue(locked(inode), "and still does after one of them closed");
        } finally {
            first.close();
            second.close();
        }
    }

    /** Whether this process holds a POSIX lock on the file with {@code inode} (Linux's /proc/locks). */
    private static boolean locked(long inode) throws Exception {
        String pid = String.valueOf(ProcessHandle.current().pid());
        return Files.readAllLines(Path.of("/proc/locks")).stream()
                .map(l -> l.trim().split("\\s+"))
                .anyMatch(f -> f.length > 5 && f[1].equals("POSIX") && f[4].equals(pid) && f[5].endsWith(":" + inode));
    }
}
