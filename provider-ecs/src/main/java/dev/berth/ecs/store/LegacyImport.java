package dev.berth.ecs.store;

import dev.berth.ecs.arn.EcsArn;
import dev.berth.sqlite.SqliteDb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Moves the control plane an older berth kept inside one configuration's state file into the
 * shared store. Until then each configuration had a private world, so two of them may both hold
 * a cluster "main": a row whose key the store already holds with other content is never
 * overwritten. The whole move is refused instead, naming the objects, and nothing is written, so
 * the caller can leave the old rows where they are and nothing is lost. A row the store already
 * holds with the same content is simply there already.
 *
 * <p>Counters (task sequence, task definition revisions) continue above both sides' values. The
 * move is recorded by a digest of what was moved, so a hand-over whose second half (removing the
 * rows from the state file) was interrupted is recognised when it is tried again, even if the
 * moved rows have changed here since.
 */
public final class LegacyImport {

    /** What the state file held: rows by table and key, counters by name; {@code source} names the file. */
    public record Rows(String source, Map<String, Map<String, String>> tables, Map<String, Long> counters) {
        public Rows {
            Map<String, Map<String, String>> copy = new TreeMap<>();
            tables.forEach((t, rows) -> copy.put(t, Map.copyOf(rows)));
            tables = Map.copyOf(copy);
            counters = Map.copyOf(counters);
        }

        public int records() {
            return tables.values().stream().mapToInt(Map::size).sum();
        }
    }

    /** How many rows arrived, and whether this very hand-over had already been done. */
    public record Result(int records, boolean alreadyImported) {
    }

    private static final int NAMED = 5;

    private LegacyImport() {
    }

    static Result run(SqliteDb db, Rows rows) throws SQLException {
        String digest = digest(rows);
        var done = db.queryOne("SELECT records FROM imports WHERE digest = ?", rs -> rs.getInt(1), digest);
        if (done.isPresent()) return new Result(done.get(), true);
        List<String[]> missing = new ArrayList<>();
        Set<String> colliding = new LinkedHashSet<>();
        for (var table : new TreeMap<>(rows.tables()).entrySet()) {
            for (var row : new TreeMap<>(table.getValue()).entrySet()) {
                var existing = db.queryOne("SELECT json FROM rows WHERE tbl = ? AND key = ?", rs -> rs.getString(1),
                        table.getKey(), row.getKey());
                if (existing.isEmpty()) missing.add(new String[]{table.getKey(), row.getKey(), row.getValue()});
                else if (!existing.get().equals(row.getValue())) colliding.add(describe(table.getKey(), row.getKey()));
            }
        }
        if (!colliding.isEmpty()) throw collision(db, rows, colliding);
        for (String[] r : missing) db.update("INSERT INTO rows(tbl, key, json) VALUES (?, ?, ?)", r[0], r[1], r[2]);
        for (var c : rows.counters().entrySet()) {
            db.update("INSERT INTO counters(name, value) VALUES (?, ?)"
                    + " ON CONFLICT(name) DO UPDATE SET value = max(value, excluded.value)", c.getKey(), c.getValue());
        }
        db.update("INSERT INTO imports(digest, source, imported, records) VALUES (?, ?, ?, ?)", digest, rows.source(),
                Instant.now().toString(), rows.records());
        return new Result(rows.records(), false);
    }

    private static EcsStoreException collision(SqliteDb db, Rows rows, Set<String> colliding) {
        List<String> names = new ArrayList<>(colliding);
        String shown = String.join(", ", names.subList(0, Math.min(NAMED, names.size())))
                + (names.size() > NAMED ? " and " + (names.size() - NAMED) + " more" : "");
        return new EcsStoreException("Cannot move the ecs control plane kept in " + rows.source() + " into "
                + db.file() + ": it already holds other objects with the same names (" + shown + "); nothing was"
                + " moved, so give this configuration a control plane of its own with provider \"ecs\" { store = \"PATH\" }"
                + " or BERTH_ECS_STORE=PATH.", null);
    }

    /** An object as a user knows it: the resource part of its ARN ("cluster/main"), else table and key. */
    static String describe(String table, String key) {
        return EcsArn.parse(key).map(a -> a.resourceType() + "/" + a.path()).orElse(table + " " + key);
    }

    static String digest(Rows rows) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(rows.tables()).forEach((t, table) -> new TreeMap<>(table).forEach((k, json) ->
                    sha.update(("r\0" + t + "\0" + k + "\0" + json + "\n").getBytes(StandardCharsets.UTF_8))));
            new TreeMap<>(rows.counters()).forEach((name, value) ->
                    sha.update(("c\0" + name + "\0" + value + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
