package dev.berth.state;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.memo.LastRead;
import dev.berth.engine.state.DeposedObject;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.state.StateStoreException;
import dev.berth.engine.state.StateVersion;
import dev.berth.state.StateRows.DeposedRow;
import dev.berth.state.StateRows.OutputRow;
import dev.berth.state.StateRows.ResourceRow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The current state plus an undo log, which together hold every version.
 *
 * <p>The {@code resources} and {@code outputs} tables always hold the latest version. Each commit
 * adds one {@code history} row and, per change, one {@code history_changes} row holding what that
 * key was before the change (NULL when absent). A commit therefore reads one row by primary key,
 * writes two rows per change, and writes two more rows in total: its cost follows the number of
 * changes, never the size of the state, which matters when a 10,000-resource apply commits once per
 * resource. {@code readAt(n)} starts from the current tables and undoes the changes of every serial
 * after n, newest first; restoring a recent version, the common case, touches little history.
 */
final class VersionedState {

    private static final String RESOURCE = "resource";
    private static final String OUTPUT = "output";
    private static final String DEPOSED = "deposed";
    private static final String DEPOSED_COLUMNS = "SELECT addr, provider, schema_version, attributes_json,"
            + " sensitive_paths_json, dependencies_json, tainted, deposed_key FROM deposed";
    private static final String RESOURCE_COLUMNS = "SELECT addr, provider, schema_version, attributes_json,"
            + " sensitive_paths_json, dependencies_json, tainted FROM resources";
    /** Upserts are spelt as both SQLite and PostgreSQL take them, so one commit serves both. */
    private static final String RESOURCE_UPDATE = "provider = excluded.provider, schema_version ="
            + " excluded.schema_version, attributes_json = excluded.attributes_json, sensitive_paths_json ="
            + " excluded.sensitive_paths_json, dependencies_json = excluded.dependencies_json,"
            + " tainted = excluded.tainted";
    private static final String OUTPUT_COLUMNS =
            "SELECT name, value_json, sensitive_paths_json, sensitive FROM outputs";

    private final StateSql db;

    VersionedState(StateSql db) {
        this.db = db;
    }

    /** A change with its row already rendered, so a bad value fails before any lock is taken. */
    private record Prepared(String kind, String key, ResourceRow resource, OutputRow output) {
        /** For a deposed row, the resource row's address and the deposed key, from the history key. */
        String deposedKey() {
            return key.substring(key.lastIndexOf(' ') + 1);
        }

        String deposedAddr() {
            return key.substring(0, key.lastIndexOf(' '));
        }
    }

    long commit(List<StateChange> changes, String operation) {
        Objects.requireNonNull(operation, "operation");
        List<Prepared> prepared = new ArrayList<>(changes.size());
        for (StateChange c : changes) prepared.add(prepare(c));
        return db.write("commit to", () -> {
            long serial = serial() + 1;
            int seq = 0;
            for (Prepared p : prepared) {
                db.update("INSERT INTO history_changes(serial, seq, kind, key, old_json) VALUES (?, ?, ?, ?, ?)",
                        serial, seq++, p.kind, p.key, currentDocument(p.kind, p.key).orElse(null));
                apply(p);
            }
            db.update("INSERT INTO history(serial, created, operation, change_count) VALUES (?, ?, ?, ?)",
                    serial, Instant.now().toString(), operation, prepared.size());
            db.update("UPDATE meta SET value = ? WHERE key = 'serial'", String.valueOf(serial));
            return serial;
        });
    }

    StateSnapshot read() {
        return db.read("read", () -> {
            Decoding resources = new Decoding();
            db.query(RESOURCE_COLUMNS + " ORDER BY addr", rs -> {
                resources.add(resourceRow(rs));
                return null;
            });
            Rows rows = new Rows();
            readOutputsAndDeposed(rows);
            return snapshot(lineage(), serial(), resources.finish(), rows);
        });
    }

    StateSnapshot readAt(long serial) {
        return db.read("read", () -> {
            if (db.queryOne("SELECT 1 FROM history WHERE serial = ?", rs -> 1, serial).isEmpty()) {
                throw new StateStoreException(missingVersion(serial), null);
            }
            Rows rows = currentRows();
            db.query("SELECT kind, key, old_json FROM history_changes WHERE serial > ? ORDER BY serial DESC, seq DESC",
                    rs -> {
                        rows.undo(rs.getString(1), rs.getString(2), rs.getString(3));
                        return null;
                    }, serial);
            Decoding resources = new Decoding();
            rows.resources.values().forEach(resources::add);
            return snapshot(lineage(), serial, resources.finish(), rows);
        });
    }

    List<StateVersion> history() {
        return db.read("read the history of", () -> db.query(
                "SELECT serial, created, operation, change_count FROM history ORDER BY serial",
                rs -> new StateVersion(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3), rs.getInt(4))));
    }

    private String missingVersion(long serial) throws SQLException {
        long[] range = db.queryOne("SELECT MIN(serial), MAX(serial), COUNT(*) FROM history",
                rs -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).orElseThrow();
        String kept = range[2] == 0 ? "no version has been written yet"
                : "the kept versions are " + range[0] + ".." + range[1];
        return "no state version " + serial + " in " + db.where() + "; " + kept;
    }

    private static Prepared prepare(StateChange c) {
        if (c instanceof StateChange.PutResource p) {
            ResourceRow row = ResourceRow.of(p.resource());
            return new Prepared(RESOURCE, row.addr(), row, null);
        }
        if (c instanceof StateChange.RemoveResource r) return new Prepared(RESOURCE, r.addr().toString(), null, null);
        if (c instanceof StateChange.PutDeposed p) {
            DeposedRow row = DeposedRow.of(p.object());
            return new Prepared(DEPOSED, row.historyKey(), row.row(), null);
        }
        if (c instanceof StateChange.RemoveDeposed r) {
            return new Prepared(DEPOSED, r.addr() + " " + r.key(), null, null);
        }
        if (c instanceof StateChange.PutOutput p) {
            OutputRow row = OutputRow.of(p.output());
            return new Prepared(OUTPUT, row.name(), null, row);
        }
        if (c instanceof StateChange.RemoveOutput r) return new Prepared(OUTPUT, r.name(), null, null);
        throw new IllegalArgumentException("unsupported state change " + c);
    }

    private void apply(Prepared p) throws SQLException {
        if (p.kind.equals(DEPOSED)) {
            if (p.resource == null) {
                db.update("DELETE FROM deposed WHERE addr = ? AND deposed_key = ?", p.deposedAddr(), p.deposedKey());
                return;
            }
            ResourceRow r = p.resource;
            db.update("INSERT INTO deposed(addr, deposed_key, provider, schema_version, attributes_json,"
                            + " sensitive_paths_json, dependencies_json, tainted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT(addr, deposed_key) DO UPDATE SET " + RESOURCE_UPDATE,
                    r.addr(), p.deposedKey(), r.provider(), r.schemaVersion(), r.attributesJson(),
                    r.sensitivePathsJson(), r.dependenciesJson(), r.tainted() ? 1 : 0);
        } else if (p.kind.equals(RESOURCE)) {
            if (p.resource == null) {
                db.update("DELETE FROM resources WHERE addr = ?", p.key);
                return;
            }
            ResourceRow r = p.resource;
            db.update("INSERT INTO resources(addr, provider, schema_version, attributes_json,"
                            + " sensitive_paths_json, dependencies_json, tainted) VALUES (?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT(addr) DO UPDATE SET " + RESOURCE_UPDATE,
                    r.addr(), r.provider(), r.schemaVersion(), r.attributesJson(), r.sensitivePathsJson(),
                    r.dependenciesJson(), r.tainted() ? 1 : 0);
        } else if (p.output == null) {
            db.update("DELETE FROM outputs WHERE name = ?", p.key);
        } else {
            OutputRow o = p.output;
            db.update("INSERT INTO outputs(name, value_json, sensitive_paths_json, sensitive)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET value_json = excluded.value_json,"
                    + " sensitive_paths_json = excluded.sensitive_paths_json, sensitive = excluded.sensitive", o.name(), o.valueJson(), o.sensitivePathsJson(), o.sensitive() ? 1 : 0);
        }
    }

    private Optional<String> currentDocument(String kind, String key) throws SQLException {
        if (kind.equals(DEPOSED)) {
            int space = key.lastIndexOf(' ');
            return db.queryOne(DEPOSED_COLUMNS + " WHERE addr = ? AND deposed_key = ?", VersionedState::resourceRow,
                    key.substring(0, space), key.substring(space + 1)).map(ResourceRow::toDocument);
        }
        if (kind.equals(RESOURCE)) {
            return db.queryOne(RESOURCE_COLUMNS + " WHERE addr = ?", VersionedState::resourceRow, key)
                    .map(ResourceRow::toDocument);
        }
        return db.queryOne(OUTPUT_COLUMNS + " WHERE name = ?", VersionedState::outputRow, key)
                .map(OutputRow::toDocument);
    }

    private static ResourceRow resourceRow(ResultSet rs) throws SQLException {
        return new ResourceRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7) != 0);
    }

    private static OutputRow outputRow(ResultSet rs) throws SQLException {
        return new OutputRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) != 0);
    }

    private long serial() throws SQLException {
        return db.queryOne("SELECT value FROM meta WHERE key = 'serial'", rs -> Long.parseLong(rs.getString(1)))
                .orElseThrow(() -> new IllegalArgumentException("its serial is missing"));
    }

    private String lineage() throws SQLException {
        return db.queryOne("SELECT value FROM meta WHERE key = 'lineage'", rs -> rs.getString(1))
                .orElseThrow(() -> new IllegalArgumentException("its lineage is missing"));
    }

    /** Rows still in their stored form: undoing history swaps rows, and only survivors are decoded. */
    private static final class Rows {
        // In the order read (by address), so the snapshot finds its resources almost sorted.
        final Map<String, ResourceRow> resources = new LinkedHashMap<>();
        final Map<String, OutputRow> outputs = new HashMap<>();
        final Map<String, DeposedRow> deposed = new HashMap<>();

        void undo(String kind, String key, String oldDocument) {
            if (kind.equals(DEPOSED)) {
                if (oldDocument == null) deposed.remove(key);
                else deposed.put(key, DeposedRow.fromDocument(key, oldDocument));
            } else if (kind.equals(RESOURCE)) {
                if (oldDocument == null) resources.remove(key);
                else resources.put(key, ResourceRow.fromDocument(key, oldDocument));
            } else if (oldDocument == null) {
                outputs.remove(key);
            } else {
                outputs.put(key, OutputRow.fromDocument(key, oldDocument));
            }
        }
    }

    private Rows currentRows() throws SQLException {
        Rows rows = new Rows();
        db.query(RESOURCE_COLUMNS + " ORDER BY addr", rs -> rows.resources.put(rs.getString(1), resourceRow(rs)));
        readOutputsAndDeposed(rows);
        return rows;
    }

    private void readOutputsAndDeposed(Rows rows) throws SQLException {
        db.query(OUTPUT_COLUMNS, rs -> rows.outputs.put(rs.getString(1), outputRow(rs)));
        db.query(DEPOSED_COLUMNS, rs -> {
            DeposedRow d = new DeposedRow(rs.getString(8), resourceRow(rs));
            return rows.deposed.put(d.historyKey(), d);
        });
    }

    /**
     * Resource rows decoded on every core (a plan of 100,000 objects reads each of them first), a
     * chunk at a time as they are added: each stored text then dies young, where reading every row
     * before decoding any kept 100,000 of them (110 MB) alive long enough to be promoted, and a
     * plan's peak memory kept them.
     */
    private static final class Decoding {
        /** Enough rows for the cores to share, few enough to die young. */
        private static final int CHUNK = 2048;
        private final Map<ResourceInstanceAddr, ResourceState> out = new LinkedHashMap<>();
        private final LastRead.Pass<String, StateRows.Decoded> decoded = StateRows.DECODED.begin();
        private final List<ResourceRow> chunk = new ArrayList<>(CHUNK);

        void add(ResourceRow row) {
            chunk.add(row);
            if (chunk.size() == CHUNK) flush();
        }

        /** Every row added, decoded, in the order added. */
        Map<ResourceInstanceAddr, ResourceState> finish() {
            flush();
            decoded.end();
            return out;
        }

        private void flush() {
            for (ResourceState s : chunk.parallelStream().map(r -> r.toState(decoded)).toList()) out.put(s.addr(), s);
            chunk.clear();
        }
    }

    /** The resources decoded already; the outputs and deposed objects from {@code rows}. */
    private static StateSnapshot snapshot(String lineage, long serial, Map<ResourceInstanceAddr, ResourceState> resources,
                                          Rows rows) {
        Map<String, OutputState> outputs = new HashMap<>();
        for (OutputRow o : rows.outputs.values()) outputs.put(o.name(), o.toState());
        List<DeposedObject> deposed = new ArrayList<>();
        for (DeposedRow d : rows.deposed.values()) deposed.add(d.toState());
        return new StateSnapshot(lineage, serial, resources, outputs, deposed);
    }
}
