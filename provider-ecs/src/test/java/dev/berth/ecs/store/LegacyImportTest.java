package dev.berth.ecs.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LegacyImportTest {
    private static final String MAIN = "arn:aws:ecs:local:000000000000:cluster/main";
    private static final String WEB = "arn:aws:ecs:local:000000000000:service/main/web";
    private static final String WEB_1 = "arn:aws:ecs:local:000000000000:task-definition/web:1";

    @TempDir
    Path dir;

    private static LegacyImport.Rows rows(String source, Map<String, Map<String, String>> tables, Map<String, Long> counters) {
        return new LegacyImport.Rows(source, tables, counters);
    }

    @Test
    void everyRowArrivesAndCountersContinueAboveBothSides() {
        try (SqliteEcsStore s = SqliteEcsStore.open(dir.resolve("ecs.db"))) {
            s.put("clusters", "arn:aws:ecs:local:000000000000:cluster/other", "{\"name\":\"other\"}");
            for (int i = 0; i < 5; i++) s.next("task-seq");
            s.next("family:web");
            LegacyImport.Result r = s.importLegacy(rows("/a/berth.db",
                    Map.of("clusters", Map.of(MAIN, "{\"name\":\"main\"}"), "services", Map.of(WEB, "{\"n\":1}"),
                            "tasks", Map.of("t1", "{}", "t2", "{}")),
                    Map.of("task-seq", 3L, "family:web", 4L, "family:api", 2L)));
            assertEquals(new LegacyImport.Result(4, false), r);
            assertEquals(Optional.of("{\"name\":\"main\"}"), s.get("clusters", MAIN));
            assertEquals(2, s.list("clusters").size());
            assertEquals(Optional.of("{\"n\":1}"), s.get("services", WEB));
            assertEquals(List.of("t1", "t2"), List.copyOf(s.list("tasks").keySet()));
            assertEquals(6, s.next("task-seq"), "above this store's 5 and the old file's 3");
            assertEquals(5, s.next("family:web"), "above the old file's 4 and this store's 1");
            assertEquals(3, s.next("family:api"));
        }
    }

    @Test
    void aKeyHeldWithOtherContentRefusesTheWholeMoveNamingTheObjects() throws Exception {
        Path file = dir.resolve("ecs.db");
        try (SqliteEcsStore s = SqliteEcsStore.open(file)) {
            s.put("clusters", MAIN, "{\"name\":\"main\",\"created\":\"monday\"}");
            s.put("services", WEB, "{\"n\":1}");
            s.put("service_events", WEB, "{\"e\":[1]}");
            s.put("task_definitions", WEB_1, "{\"same\":true}");
            EcsStoreException e = assertThrows(EcsStoreException.class, () -> s.importLegacy(rows("/b/berth.db",
                    Map.of("clusters", Map.of(MAIN, "{\"name\":\"main\",\"created\":\"tuesday\"}"),
                            "services", Map.of(WEB, "{\"n\":2}"), "service_events", Map.of(WEB, "{\"e\":[2]}"),
                            "task_definitions", Map.of(WEB_1, "{\"same\":true}"), "tasks", Map.of("t9", "{}")),
                    Map.of("task-seq", 50L))));
            assertEquals("Cannot move the ecs control plane kept in /b/berth.db into " + file + ": it already holds"
                    + " other objects with the same names (cluster/main, service/main/web); nothing was moved, so give"
                    + " this configuration a control plane of its own with provider \"ecs\" { store = \"PATH\" } or"
                    + " BERTH_ECS_STORE=PATH.", e.getMessage());
            assertEquals(Optional.empty(), s.get("tasks", "t9"), "nothing of the refused move is written");
            assertEquals(Optional.of("{\"name\":\"main\",\"created\":\"monday\"}"), s.get("clusters", MAIN));
            assertEquals(1, s.next("task-seq"), "counters are not moved either");
        }
        assertEquals(List.of("0"), SqliteEcsStoreTest.column(file, "SELECT count(*) FROM imports"));
    }

    @Test
    void aRowAlreadyHereWithTheSameContentIsNoCollision() {
        try (SqliteEcsStore s = SqliteEcsStore.open(dir.resolve("ecs.db"))) {
            s.put("task_definitions", WEB_1, "{\"same\":true}");
            LegacyImport.Result r = s.importLegacy(rows("/c/berth.db",
                    Map.of("task_definitions", Map.of(WEB_1, "{\"same\":true}")), Map.of()));
            assertEquals(1, r.records());
            assertFalse(r.alreadyImported());
        }
    }

    /** The state file keeps its rows when the process dies after this store committed; the next try must not collide. */
    @Test
    void theSameHandOverTriedAgainIsRecognisedEvenAfterItsRowsChangedHere() {
        LegacyImport.Rows old = rows("/d/berth.db", Map.of("services", Map.of(WEB, "{\"running\":1}")), Map.of("task-seq", 7L));
        try (SqliteEcsStore s = SqliteEcsStore.open(dir.resolve("ecs.db"))) {
            assertFalse(s.importLegacy(old).alreadyImported());
            s.put("services", WEB, "{\"running\":2}");
            LegacyImport.Result again = s.importLegacy(old);
            assertTrue(again.alreadyImported());
            assertEquals(1, again.records());
            assertEquals(Optional.of("{\"running\":2}"), s.get("services", WEB), "what happened since is kept");
            assertEquals(8, s.next("task-seq"));
        }
    }

    @Test
    void objectsAreNamedAsUsersKnowThem() {
        assertEquals("task-definition/web:1", LegacyImport.describe("task_definitions", WEB_1));
        assertEquals("client_tokens tok-1", LegacyImport.describe("client_tokens", "tok-1"));
    }
}
