package dev.berth.state;

import dev.berth.engine.provider.ProviderStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqliteProviderStoreTest {

    @TempDir
    Path dir;

    @Test
    void putGetListDelete() {
        try (SqliteStateStore s = SqliteStateStore.open(dir.resolve("berth.db"))) {
            ProviderStore p = s.providerStore("ecs");
            assertEquals(Optional.empty(), p.get("tasks", "t1"));
            p.put("tasks", "t2", "{\"n\":2}");
            p.put("tasks", "t1", "{\"n\":1}");
            p.put("tasks", "t1", "{\"n\":11}");
            p.put("events", "e1", "{}");
            assertEquals(Optional.of("{\"n\":11}"), p.get("tasks", "t1"));
            assertEquals(List.of("t1", "t2"), List.copyOf(p.list("tasks").keySet()));
            assertEquals(Map.of("t1", "{\"n\":11}", "t2", "{\"n\":2}"), p.list("tasks"));
            p.delete("tasks", "t1");
            p.delete("tasks", "absent");
            assertEquals(Map.of("t2", "{\"n\":2}"), p.list("tasks"));
            assertEquals(Map.of("e1", "{}"), p.list("events"));
            assertEquals(Map.of(), p.list("nothing"));
        }
    }

    @Test
    void providersAreKeptApartAndSurviveReopen() {
        Path file = dir.resolve("berth.db");
        try (SqliteStateStore s = SqliteStateStore.open(file)) {
            s.providerStore("ecs").put("tasks", "t1", "\"ecs\"");
            s.providerStore("other").put("tasks", "t1", "\"other\"");
            s.providerStore("other").delete("tasks", "t1");
        }
        try (SqliteStateStore s = SqliteStateStore.open(file)) {
            assertEquals(Optional.of("\"ecs\""), s.providerStore("ecs").get("tasks", "t1"));
            assertEquals(Optional.empty(), s.providerStore("other").get("tasks", "t1"));
        }
    }

    @Test
    void countersStartAtOneAndAreNeverReused() {
        Path file = dir.resolve("berth.db");
        try (SqliteStateStore s = SqliteStateStore.open(file)) {
            ProviderStore p = s.providerStore("ecs");
            assertEquals(1, p.next("task"));
            assertEquals(2, p.next("task"));
            assertEquals(1, p.next("revision"));
            assertEquals(1, s.providerStore("other").next("task"));
        }
        try (SqliteStateStore s = SqliteStateStore.open(file)) {
            assertEquals(3, s.providerStore("ecs").next("task"));
        }
    }

    @Test
    void providerDataIsNotPartOfTheStateVersions() {
        try (SqliteStateStore s = SqliteStateStore.open(dir.resolve("berth.db"))) {
            s.providerStore("ecs").put("tasks", "t1", "{}");
            s.providerStore("ecs").next("task");
            assertEquals(0, s.read().serial());
            assertEquals(List.of(), s.history());
        }
    }
}
