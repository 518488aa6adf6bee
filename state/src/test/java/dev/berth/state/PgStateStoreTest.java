package dev.berth.state;

import dev.berth.engine.state.CreateIntent;
import dev.berth.engine.state.DeposedObject;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.state.StateStoreException;
import dev.berth.engine.state.StateVersion;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PostgreSQL store against the real test server, each test in a schema of its own. */
class PgStateStoreTest {

    @RegisterExtension
    final TestPg pg = new TestPg();

    @Test
    void aFreshSchemaHasSerialZeroAndKeepsItsLineageAcrossSessions() {
        String schema = pg.schema();
        String lineage;
        try (PgStateStore s = pg.open(schema)) {
            StateSnapshot first = s.read();
            assertEquals(0, first.serial());
            assertTrue(first.resources().isEmpty());
            lineage = first.lineage();
        }
        try (PgStateStore s = pg.open(schema)) {
            assertEquals(lineage, s.read().lineage());
        }
    }

    @Test
    void everyVersionIsKeptAndRestorable() {
        try (PgStateStore s = pg.open(pg.schema())) {
            List<StateSnapshot> seen = new ArrayList<>();
            seen.add(s.read());
            s.commit(List.of(Fixtures.put("web", "nginx:1"), Fixtures.output("url", Value.of("http://a"), false)), "apply");
            seen.add(s.read());
            s.commit(List.of(Fixtures.put("web", "nginx:2"), new StateChange.PutResource(
                    Fixtures.resource("db", Fixtures.everyKind().entries()))), "apply");
            seen.add(s.read());
            s.commit(List.of(Fixtures.remove("web"), new StateChange.PutDeposed(new DeposedObject("1a2b3c4d",
                    Fixtures.resource("web", Map.of("image", Value.of("nginx:2")))))), "apply");
            seen.add(s.read());
            s.commit(List.of(new StateChange.RemoveOutput("url")), "state rm");
            seen.add(s.read());

            assertEquals(4, s.read().serial());
            assertEquals(List.of("apply", "apply", "apply", "state rm"),
                    s.history().stream().map(StateVersion::operation).toList());
            for (int serial = 1; serial <= 4; serial++) {
                assertEquals(seen.get(serial), s.readAt(serial), "version " + serial);
            }
            StateStoreException e = assertThrows(StateStoreException.class, () -> s.readAt(9));
            assertTrue(e.getMessage().startsWith("no state version 9 in state " + TestPg.SERVER + " (schema "),
                    e.getMessage());
        }
    }

    @Test
    void twoSessionsCommitOneAfterTheOtherWithoutLosingAVersion() throws Exception {
        String schema = pg.schema();
        try (PgStateStore a = pg.open(schema); PgStateStore b = pg.open(schema)) {
            Thread ta = new Thread(() -> {
                for (int i = 0; i < 20; i++) a.commit(List.of(Fixtures.put("a" + i, "x")), "apply");
            });
            Thread tb = new Thread(() -> {
                for (int i = 0; i < 20; i++) b.commit(List.of(Fixtures.put("b" + i, "x")), "apply");
            });
            ta.start();
            tb.start();
            ta.join();
            tb.join();
            assertEquals(40, a.read().serial());
            assertEquals(40, b.history().size());
            assertEquals(40, b.read().resources().size());
        }
    }

    @Test
    void intentsAreRecordedAndSettled() {
        try (PgStateStore s = pg.open(pg.schema())) {
            CreateIntent intent = new CreateIntent(Fixtures.addr("web"), "tok-1", "ecs", 1, List.of("ecs_cluster.main"),
                    Instant.parse("2026-12-03T10:00:00Z"));
            s.recordIntent(intent);
            assertEquals(List.of(intent), s.intents());
            s.settleIntent(Fixtures.addr("web"), "another-token");
            assertEquals(List.of(intent), s.intents());
            s.settleIntent(Fixtures.addr("web"), "tok-1");
            assertEquals(List.of(), s.intents());
        }
    }

    @Test
    void aMissingSchemaIsAnErrorWhenTheSchemaIsNotToBeCreated() {
        String schema = pg.schema();
        StateStoreException e = assertThrows(StateStoreException.class,
                () -> PgStateStore.open(TestPg.SERVER, schema, true));
        assertEquals("cannot open state " + TestPg.SERVER + " (schema " + schema + "): schema \"" + schema
                + "\" does not exist, and skip_schema_creation is set", e.getMessage());
    }

    @Test
    void aSchemaMadeByItsOwnerIsUsedWhenSchemaCreationIsSkipped() throws Exception {
        String schema = pg.schema();
        TestPg.exec("CREATE SCHEMA \"" + schema + "\"");
        try (PgStateStore s = PgStateStore.open(TestPg.SERVER, schema, true)) {
            assertEquals(1, s.commit(List.of(Fixtures.put("web", "nginx")), "apply"));
        }
    }
}
