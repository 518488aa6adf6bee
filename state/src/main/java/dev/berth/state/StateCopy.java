package dev.berth.state;

import dev.berth.engine.state.StateStoreException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a whole state between stores of either kind, table by table: both kinds keep the same
 * tables and columns, so the rows travel as they are and every version stays restorable on the
 * other side. The source is read in one snapshot and the target written in one transaction, so
 * a failed copy leaves the target as empty as it was.
 */
final class StateCopy {

    /** Every versioned or bookkeeping table, its columns, and the order its rows are compared in. */
    static final Map<String, String> TABLES = tables();

    private static Map<String, String> tables() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("resources", "addr, provider, schema_version, attributes_json, sensitive_paths_json,"
                + " dependencies_json, tainted");
        t.put("outputs", "name, value_json, sensitive_paths_json, sensitive");
        t.put("deposed", "addr, deposed_key, provider, schema_version, attributes_json, sensitive_paths_json,"
                + " dependencies_json, tainted");
        t.put("history", "serial, created, operation, change_count");
        t.put("history_changes", "serial, seq, kind, key, old_json");
        t.put("create_intents", "addr, token, provider, schema_version, dependencies_json, created");
        return t;
    }

    private StateCopy() {
    }

    /** Lineage, serial and every table's rows, as plain values (numbers as longs), in key order. */
    record Rows(String lineage, long serial, Map<String, List<List<Object>>> tables) {
    }

    static long copy(SqlStateStore from, SqlStateStore to) {
        Rows rows = from.sql.read("read for migration", () -> rows(from.sql));
        return to.sql.write("migrate into", () -> {
            long serial = serial(to.sql);
            long versions = to.sql.queryOne("SELECT COUNT(*) FROM history", rs -> rs.getLong(1)).orElse(0L);
            if (serial != 0 || versions != 0) {
                throw new StateStoreException("cannot migrate into " + to.where() + ": it already holds state"
                        + " (serial " + serial + "); migrate only into an empty state", null);
            }
            for (Map.Entry<String, List<List<Object>>> t : rows.tables().entrySet()) {
                String columns = TABLES.get(t.getKey());
                String marks = String.join(", ", java.util.Collections.nCopies(columns.split(",").length, "?"));
                String insert = "INSERT INTO " + t.getKey() + "(" + columns + ") VALUES (" + marks + ")";
                for (List<Object> row : t.getValue()) to.sql.update(insert, row.toArray());
            }
            to.sql.update("UPDATE meta SET value = ? WHERE key = 'lineage'", rows.lineage());
            to.sql.update("UPDATE meta SET value = ? WHERE key = 'serial'", String.valueOf(rows.serial()));
            return (long) rows.tables().get("history").size();
        });
    }

    /** Everything the state holds, read in one snapshot; tests compare two states with it. */
    static Rows rows(SqlStateStore store) {
        return store.sql.read("read", () -> rows(store.sql));
    }

    private static Rows rows(StateSql sql) throws SQLException {
        Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
        for (Map.Entry<String, String> t : TABLES.entrySet()) {
            int n = t.getValue().split(",").length;
            List<List<Object>> rows = sql.query("SELECT " + t.getValue() + " FROM " + t.getKey(),
                    rs -> {
                        List<Object> row = new ArrayList<>(n);
                        for (int i = 1; i <= n; i++) {
                            Object v = rs.getObject(i);
                            row.add(v instanceof Number num ? (Object) num.longValue() : v);
                        }
                        return row;
                    });
            // Sorted here, not by ORDER BY: SQLite and PostgreSQL collate text differently, and two
            // equal tables must list identically.
            rows.sort(java.util.Comparator.comparing(Object::toString));
            tables.put(t.getKey(), List.copyOf(rows));
        }
        String lineage = sql.queryOne("SELECT value FROM meta WHERE key = 'lineage'", rs -> rs.getString(1))
                .orElseThrow(() -> new IllegalArgumentException("its lineage is missing"));
        return new Rows(lineage, serial(sql), tables);
    }

    private static long serial(StateSql sql) throws SQLException {
        return sql.queryOne("SELECT value FROM meta WHERE key = 'serial'", rs -> Long.parseLong(rs.getString(1)))
                .orElseThrow(() -> new IllegalArgumentException("its serial is missing"));
    }
}
