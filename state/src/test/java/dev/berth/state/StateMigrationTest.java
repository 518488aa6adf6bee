package dev.berth.state;

import dev.berth.engine.state.CreateIntent;
import dev.berth.engine.state.DeposedObject;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateStoreException;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Moving a whole state between SQLite and PostgreSQL loses nothing, in either direction. */
class StateMigrationTest {

    @RegisterExtension
    final TestPg pg = new TestPg();

    @TempDir
    Path dir;

    private static void fill(SqlStateStore s) {
        s.commit(List.of(Fixtures.put("web", "nginx:1"), Fixtures.output("url", Value.of("http://a"), false)), "apply");
        s.commit(List.of(Fixtures.put("web", "nginx:2"),
                new StateChange.PutResource(Fixtures.resource("db", Fixtures.everyKind().entries())),
                Fixtures.output("token", Value.sensitive(Value.of("s3cret")), true)), "apply");
        s.commit(List.of(Fixtures.remove("web"), new StateChange.PutDeposed(new DeposedObject("1a2b3c4d",
                Fixtures.resource("web", Map.of("image", Value.of("nginx:2")))))), "apply");
        s.commit(List.of(new StateChange.RemoveOutput("url"), Fixtures.put("cache", "redis")), "state rm");
        s.recordIntent(new CreateIntent(Fixtures.addr("queue"), "tok-9", "ecs", 1, List.of("ecs_cluster.main"),
                Instant.parse("2026-12-03T10:00:00Z")));
    }

    @Test
    void aRoundTripThroughPostgresKeepsEveryVersionAndRow() {
        String schema = pg.schema();
        try (SqliteStateStore original = SqliteStateStore.open(dir.resolve("a.db"));
             PgStateStore middle = pg.open(schema);
             SqliteStateStore back = SqliteStateStore.open(dir.resolve("b.db"))) {
            fill(original);
            assertEquals(4, original.copyTo(middle));
            assertEquals(4, middle.copyTo(back));

            StateCopy.Rows rows = StateCopy.rows(original);
            assertEquals(rows, StateCopy.rows(middle));
            assertEquals(rows, StateCopy.rows(back));
            assertTrue(rows.tables().values().stream().allMatch(t -> !t.isEmpty()), "every table had rows to compare");
            for (SqlStateStore s : List.of(middle, back)) {
                assertEquals(original.read(), s.read());
                assertEquals(original.history(), s.history());
                assertEquals(original.intents(), s.intents());
                for (long serial = 1; serial <= 4; serial++) assertEquals(original.readAt(serial), s.readAt(serial));
            }
            // The copies go on from where the original was.
            assertEquals(5, back.commit(List.of(Fixtures.put("next", "v")), "apply"));
            assertEquals(5, middle.commit(List.of(Fixtures.put("next", "v")), "apply"));
        }
    }

    @Test
    void aStateThatHoldsVersionsIsNotOverwritten() {
        try (SqliteStateStore from = SqliteStateStore.open(dir.resolve("a.db"));
             PgStateStore to = pg.open(pg.schema())) {
            fill(from);
            to.commit(List.of(Fixtures.put("mine", "v")), "apply");
            StateStoreException e = assertThrows(StateStoreException.class, () -> from.copyTo(to));
            assertEquals("cannot migrate into " + to.where() + ": it already holds state (serial 1);"
                    + " migrate only into an empty state", e.getMessage());
            assertEquals(1, to.history().size());
        }
    }
}
