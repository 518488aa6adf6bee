package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.cli.TestStores;
import dev.berth.engine.state.LockInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An apply killed with SIGKILL while a 6-task service starts strands no one: the next run takes
 * over the dead run's lock, and what the killed create made is adopted, so apply converges and
 * destroy finishes.
 */
class CrashIT extends ClusterFixture {
    private Process killed;

    @AfterEach
    void noSurvivor() {
        if (killed != null) killed.destroyForcibly();
    }

    private Process startApply() throws Exception {
        Files.writeString(dir.resolve("main.hcl"), KillHarness.config(cluster));
        killed = TestStores.in(BerthProcess.command(List.of("-chdir=" + dir, "apply", "-auto-approve", "-no-color")), dir)
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        return killed;
    }

    private static void await(String what, BooleanSupplier condition, Process p) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end || !p.isAlive()) throw new AssertionError("never saw " + what);
            Thread.sleep(20);
        }
    }

    private Optional<LockInfo> holder() {
        if (!TestStores.stateExists(dir)) return Optional.empty();
        try (var store = TestStores.openState(dir)) {
            return store.lockHolder();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Kills the apply once some, not all, of the service's containers run. */
    private void killWhileTheServiceStarts() throws Exception {
        Process p = startApply();
        await("the service's first containers", () -> DockerEngine.containersOf(docker, cluster).size() >= 2, p);
        p.destroyForcibly().waitFor();
    }

    private List<String> serviceRows() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = TestStores.sql(dir, true);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT key FROM rows WHERE tbl IN ('services', 'tasks', 'clusters') AND key LIKE '%"
                             + cluster + "%'")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    @Test
    void theNextRunTakesOverTheLockOfAKilledApplyAndSaysSo() throws Exception {
        Process p = startApply();
        await("the apply holding the lock", () -> holder().map(h -> h.operation().equals("apply")).orElse(false), p);
        long pid = p.pid();
        p.destroyForcibly().waitFor();

        CliRun plan = CliRun.in(dir, "plan");
        assertEquals(0, plan.exitCode(), plan::toString);
        List<String> lines = plan.err().lines().filter(l -> l.startsWith("Took over the run lock")).toList();
        assertEquals(1, lines.size(), plan::toString);
        assertTrue(lines.get(0).startsWith("Took over the run lock of process " + pid + " on "), lines::toString);
        assertTrue(lines.get(0).contains("which no longer runs"), lines::toString);
        assertEquals(Optional.empty(), holder(), "the plan released the lock it took over");
    }

    @Test
    void destroyAfterAnApplyKilledWhileItsServiceStartedLeavesNothing() throws Exception {
        killWhileTheServiceStarts();
        // Released by hand as a user of an older berth would, so this test is about what was made.
        holder().ifPresent(h -> CliRun.in(dir, "force-unlock", "-force", h.id()));

        CliRun destroy = CliRun.in(dir, "destroy", "-auto-approve");
        assertEquals(0, destroy.exitCode(), destroy::toString);
        assertFalse(destroy.err().contains("still has services"), destroy::toString);
        assertEquals(List.of(), DockerEngine.containersOf(docker, cluster), "the first try's containers are gone");
        assertFalse(docker.networkExists("berth-" + cluster));
        assertEquals(List.of(), serviceRows());
    }

    @Test
    void theApplyAfterTheKillAdoptsTheServiceAndConverges() throws Exception {
        killWhileTheServiceStarts();

        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertTrue(apply.err().contains("Adopted ecs_service.app ("), apply::toString);
        CliRun list = CliRun.in(dir, "state", "list");
        assertTrue(list.out().contains("ecs_service.app"), list::toString);
        CliRun plan = CliRun.in(dir, "plan", "-detailed-exitcode");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertEquals(6, DockerEngine.containersOf(docker, cluster).size(), "six tasks, none from the first try left over");
    }
}
