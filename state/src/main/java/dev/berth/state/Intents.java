package dev.berth.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.CreateIntent;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code create_intents} table: creates begun and not yet saved. Kept outside the versioned
 * state (no serial, no history) because an intent says what a run is doing, not what exists; each
 * write is its own short transaction, made durable before the provider is called.
 */
final class Intents {
    private final StateSql db;

    Intents(StateSql db) {
        this.db = db;
    }

    void record(CreateIntent intent) {
        ArrayNode deps = ValueCodec.JSON.createArrayNode();
        intent.dependencies().forEach(deps::add);
        db.write("record a create intent in", () -> db.update("INSERT INTO create_intents(addr, token, provider,"
                        + " schema_version, dependencies_json, created) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(addr) DO"
                        + " UPDATE SET token = excluded.token, provider = excluded.provider, schema_version ="
                        + " excluded.schema_version, dependencies_json = excluded.dependencies_json, created ="
                        + " excluded.created", intent.addr().toString(), intent.clientToken(), intent.provider(),
                intent.schemaVersion(), ValueCodec.write(deps), intent.created().toString()));
    }

    void settle(ResourceInstanceAddr addr, String token) {
        db.write("settle a create intent in", () -> db.update(
                "DELETE FROM create_intents WHERE addr = ? AND token = ?", addr.toString(), token));
    }

    List<CreateIntent> all() {
        return db.read("read the create intents of", () -> db.query("SELECT addr, token, provider, schema_version,"
                + " dependencies_json, created FROM create_intents ORDER BY addr", rs -> {
            String addr = rs.getString(1);
            ResourceInstanceAddr a = ResourceInstanceAddr.parse(addr).orElseThrow(
                    () -> new IllegalArgumentException("corrupt address in create_intents: " + addr));
            return new CreateIntent(a, rs.getString(2), rs.getString(3), rs.getInt(4), deps(rs.getString(5)),
                    Instant.parse(rs.getString(6)));
        }));
    }

    private static List<String> deps(String json) throws SQLException {
        List<String> out = new ArrayList<>();
        for (JsonNode d : ValueCodec.parse(json)) out.add(d.asText());
        return out;
    }
}
