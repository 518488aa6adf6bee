package dev.berth.ecs.store;

import dev.berth.ecs.atomic.UnitOfWorkStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tasks' index answers as the table does: carried through writes it equals one made afresh
 * from the table, and the SQLite store's is right after its own writes and another process's
 * commits alike.
 */
class TaskIndexTest {
    private static final String C1 = "arn:aws:ecs:local:000000000000:cluster/a", C2 = "arn:aws:ecs:local:000000000000:cluster/b";
    private static final List<String> SERVICES = java.util.Arrays.asList(null,
            "arn:aws:ecs:local:000000000000:service/a/web", "arn:aws:ecs:local:000000000000:service/b/api");
    private static final List<String> STATUSES = List.of(TaskRow.PROVISIONING, TaskRow.PENDING, TaskRow.RUNNING,
            TaskRow.STOPPED);

    @TempDir
    Path dir;

    @Test
    void anIndexCarriedThroughWritesAnswersAsOneMadeFromTheTable() {
        Random random = new Random(12);
        TreeMap<String, String> table = new TreeMap<>();
        TaskIndex carried = TaskIndex.of(table);
        for (int round = 0; round < 300; round++) {
            List<EcsStore.Write> writes = new ArrayList<>();
            for (int i = random.nextInt(4); i >= 0; i--) {
                String arn = "arn:aws:ecs:local:000000000000:task/x/" + random.nextInt(60);
                String json = random.nextInt(5) == 0 ? null : Json.write(row(arn, random));
                writes.add(new EcsStore.Write(TaskRow.TABLE, arn, json));
                if (json == null) table.remove(arn);
                else table.put(arn, json);
            }
            writes.add(new EcsStore.Write("placements", "ignored", "{}"));
            carried = carried.after(writes);
            assertSameAnswers(TaskIndex.of(table), carried, "after round " + round);
        }
        assertTrue(carried.size() > 20, "the rounds left a table to compare: " + carried.size());
    }

    @Test
    void theStoresIndexFollowsItsOwnWritesAndAnotherConnectionsCommits() {
        Path file = dir.resolve("ecs.db");
        Random random = new Random(3);
        try (SqliteEcsStore mine = SqliteEcsStore.open(file); SqliteEcsStore other = SqliteEcsStore.open(file)) {
            TaskTable tasks = new TaskTable(mine);
            for (int i = 0; i < 40; i++) tasks.put(row("arn:t/" + i, random));
            TaskIndex before = tasks.index();
            assertSame(before, tasks.index(), "an unchanged table is not indexed again");
            for (int i = 0; i < 50; i++) {
                SqliteEcsStore writer = i % 3 == 0 ? other : mine;
                String arn = "arn:t/" + random.nextInt(45);
                if (random.nextInt(6) == 0) writer.delete(TaskRow.TABLE, arn);
                else writer.put(TaskRow.TABLE, arn, Json.write(row(arn, random)));
                assertSameAnswers(TaskIndex.of(mine.list(TaskRow.TABLE)), tasks.index(), "after write " + i);
                assertEquals(new TreeMap<>(other.list(TaskRow.TABLE)), new TreeMap<>(mine.list(TaskRow.TABLE)));
            }
        }
    }

    /** PostgreSQL reads afresh: its index is made from what it reads, whichever server wrote. */
    @Test
    void aPostgresStoresIndexShowsEveryServersWrites() throws Exception {
        Random random = new Random(8);
        try (TestPg pg = new TestPg();
             PostgresEcsStore mine = PostgresEcsStore.open(pg.pgUrl());
             PostgresEcsStore other = PostgresEcsStore.open(pg.pgUrl())) {
            TaskTable tasks = new TaskTable(mine);
            for (int i = 0; i < 30; i++) {
                PostgresEcsStore writer = i % 2 == 0 ? other : mine;
                String arn = "arn:t/" + random.nextInt(12);
                if (random.nextInt(5) == 0) writer.delete(TaskRow.TABLE, arn);
                else writer.put(TaskRow.TABLE, arn, Json.write(row(arn, random)));
                assertSameAnswers(TaskIndex.of(other.list(TaskRow.TABLE)), tasks.index(), "after write " + i);
            }
        }
    }

    @Test
    void aUnitOfWorkSeesItsOwnRowsInTheIndexAndReadersBesideItDoNot() {
        try (SqliteEcsStore file = SqliteEcsStore.open(dir.resolve("ecs.db"))) {
            Random random = new Random(5);
            TaskRow committed = withStatus(row("arn:t/1", random), TaskRow.RUNNING, C1);
            new TaskTable(file).put(committed);
            UnitOfWorkStore unit = new UnitOfWorkStore(file);
            dev.berth.ecs.atomic.Atomicity atomicity = new dev.berth.ecs.atomic.Atomicity(unit);
            TaskTable tasks = new TaskTable(unit);
            atomicity.change(() -> {
                tasks.put(withStatus(row("arn:t/2", random), TaskRow.RUNNING, C1));
                tasks.put(withStatus(committed, TaskRow.STOPPED, C1));
                assertEquals(List.of("arn:t/2"), arns(tasks.index().live(C1)), "the unit's rows");
                assertEquals(List.of("arn:t/1"), tasks.index().stopped(C1));
                assertEquals(List.of("arn:t/1"), atomicity.read(() -> arns(tasks.index().live(C1))),
                        "a read beside the change sees what is committed");
                return null;
            });
            assertEquals(List.of("arn:t/2"), arns(new TaskTable(file).index().live(C1)), "committed");
        }
    }

    private static List<String> arns(List<TaskRow> rows) {
        return rows.stream().map(TaskRow::taskArn).toList();
    }

    private static void assertSameAnswers(TaskIndex expected, TaskIndex actual, String when) {
        assertEquals(expected.size(), actual.size(), when);
        for (String c : List.of(C1, C2)) {
            assertEquals(expected.live(c), actual.live(c), when + ": live of " + c);
            assertEquals(expected.stopped(c), actual.stopped(c), when + ": stopped of " + c);
        }
        for (String s : SERVICES) if (s != null) assertEquals(expected.service(s), actual.service(s), when + ": " + s);
        assertEquals(expected.running(), actual.running(), when + ": running");
    }

    private static TaskRow row(String arn, Random random) {
        String service = SERVICES.get(random.nextInt(SERVICES.size()));
        String cluster = random.nextBoolean() ? C1 : C2;
        return withStatus(new TaskRow(arn, service, cluster, "arn:aws:ecs:local:000000000000:task-definition/web:1",
                TaskRow.RUNNING, random.nextInt(1000), "2026-12-04T00:00:00Z", null, null, List.of(), Map.of()),
                STATUSES.get(random.nextInt(STATUSES.size())), cluster);
    }

    private static TaskRow withStatus(TaskRow r, String status, String cluster) {
        return new TaskRow(r.taskArn(), r.serviceArn(), cluster, r.taskDefinitionArn(), status, r.seq(), r.startedAt(),
                status.equals(TaskRow.STOPPED) ? "2026-12-04T00:01:00Z" : null, null, r.containers(), r.endpoints());
    }
}
