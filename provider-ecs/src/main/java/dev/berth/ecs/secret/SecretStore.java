package dev.berth.ecs.secret;

import dev.berth.sqlite.OwnerOnlyFile;
import dev.berth.sqlite.SqliteDb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's secrets in one SQLite file of their own, apart from every state file and from the
 * control plane, so neither a {@code berth.db} handed to a colleague nor a shared control plane
 * carries a value. The file is created 0600 in directories made 0700 (the values are kept as
 * written, protected by the file's permissions as {@code ~/.aws/credentials} is), and deleted
 * values are overwritten on disk ({@code secure_delete}) rather than left in free pages.
 */
public final class SecretStore implements AutoCloseable {
    /** Secrets Manager's limit on a secret's value. */
    public static final int MAX_VALUE_BYTES = 65_536;

    static final SqliteDb.Kind KIND = new SqliteDb.Kind("the secret store", "berth secret store", 10_000,
            SecretException::new);
    private static final int SCHEMA_VERSION = 1;

    private final SqliteDb db;

    private SecretStore(SqliteDb db) {
        this.db = db;
    }

    /** Opens the file, creating it owner-only (and missing directories 0700) as needed. */
    public static SecretStore open(Path file) {
        Path path = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        OwnerOnlyFile.createIfMissing(path, KIND, true);
        return new SecretStore(SqliteDb.open(path, KIND, SecretStore::migrate));
    }

    private static void migrate(SqliteDb db) throws SQLException {
        int version = db.queryOne("PRAGMA user_version", rs -> rs.getInt(1)).orElse(0);
        if (version > SCHEMA_VERSION) {
            throw new SecretException("cannot open the secret store " + db.file() + ": it was written by a newer berth",
                    (Throwable) null);
        }
        db.exec("CREATE TABLE IF NOT EXISTS secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL,"
                + " created TEXT NOT NULL, updated TEXT NOT NULL)");
        db.exec("PRAGMA user_version = " + SCHEMA_VERSION);
        // Per connection: a replaced or deleted value is overwritten on disk, not left in a free page.
        db.exec("PRAGMA secure_delete = ON");
    }

    public Path file() {
        return db.file();
    }

    /** Sets a secret, creating it or replacing its value. */
    public void put(String name, String value) {
        String n = SecretName.of(name);
        byte[] bytes = Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) throw new SecretException("The value of secret " + SecretName.quote(n) + " is empty.",
                "empty secret");
        if (bytes.length > MAX_VALUE_BYTES) {
            throw new SecretException("The value of secret " + SecretName.quote(n) + " is " + bytes.length
                    + " bytes; a secret holds at most " + MAX_VALUE_BYTES + " bytes, as in Secrets Manager.", "too large");
        }
        String now = Instant.now().toString();
        db.write("write to", () -> db.update("INSERT INTO secrets(name, value, created, updated) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT(name) DO UPDATE SET value = excluded.value, updated = excluded.updated",
                n, bytes, now, now));
    }

    /** The value of the secret with exactly this name. */
    public Optional<String> get(String name) {
        return db.read("read", () -> db.queryOne("SELECT value FROM secrets WHERE name = ?",
                rs -> new String(rs.getBytes(1), StandardCharsets.UTF_8), name));
    }

    public boolean contains(String name) {
        return db.read("read", () -> db.queryOne("SELECT 1 FROM secrets WHERE name = ?", rs -> true, name))
                .isPresent();
    }

    /** Every secret's name and times, by name; never a value. */
    public List<SecretEntry> list() {
        List<SecretEntry> out = db.read("read", () -> db.query("SELECT name, created, updated FROM secrets",
                rs -> new SecretEntry(rs.getString(1), Instant.parse(rs.getString(2)), Instant.parse(rs.getString(3)))));
        return out.stream().sorted(Comparator.comparing(SecretEntry::name)).toList();
    }

    /** Deletes a secret; false when there was none of that name. */
    public boolean delete(String name) {
        String n = SecretName.of(name);
        return db.write("write to", () -> db.update("DELETE FROM secrets WHERE name = ?", n) > 0);
    }

    @Override
    public void close() {
        db.close();
    }
}
