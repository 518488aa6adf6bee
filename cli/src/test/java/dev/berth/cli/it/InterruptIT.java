package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C during a real apply, sent to berth's own process: the first interrupt lets the change
 * in flight finish, saves it, starts nothing else, releases the run lock and exits 1 with an
 * error; a second one exits 130 at once, still without stranding the lock. Either way the next
 * plan runs without force-unlock and the next apply converges. Then a targeted destroy removes
 * a service and what depends on it, and nothing else.
 */
class InterruptIT extends ClusterFixture {
    /** web runs three tasks; worker waits for it, so it is not started yet while web is created. */
    private void write() throws Exception {
        Files.writeString(dir.resolve("main.hcl"), FargateApp.clusterAndApp(cluster, FargateApp.IMAGE, 32, "sleep 3600")
                + FargateApp.service("web", 3, null) + FargateApp.service("worker", 1, "web"));
    }

    /**
     * Ctrl-C is SIGINT. A JVM started in the background of a shell without job control inherits
     * SIGINT ignored and can never see it; SIGTERM, which berth treats the same, then stands in.
     */
    static String ctrlC() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:") && (Long.parseLong(line.substring(7).trim(), 16) & 2) != 0) return "TERM";
        }
        return "INT";
    }

    private BerthProcess applyUntilWebIsBeingCreated() throws Exception {
        write();
        BerthProcess apply = BerthProcess.start(dir, "apply", "-auto-approve", "-no-color");
        apply.await(l -> l.equals("ecs_service.web: Creating..."), Duration.ofSeconds(60));
        return apply;
    }

    private List<String> stateList() {
        CliRun list = CliRun.of("-chdir=" + dir, "state", "list");
        assertEquals(0, list.exitCode(), list::toString);
        return list.out().lines().toList();
    }

    private int containers() {
        return DockerEngine.containersOf(docker, cluster).size();
    }

    /** The plan runs with the default -lock-timeout=0s: a lock left behind would fail it. */
    private void assertNextApplyConverges() {
        CliRun plan = CliRun.in(dir, "plan", "-detailed-exitcode");
        assertFalse(plan.err().contains("state lock"), () -> "the run lock was left held:\n" + plan);
        assertTrue(plan.exitCode() == 0 || plan.exitCode() == 2, plan::toString);
        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        CliRun again = CliRun.in(dir, "plan", "-detailed-exitcode");
        assertEquals(0, again.exitCode(), () -> "the apply after the interrupt did not converge:\n" + again);
        assertEquals(4, containers(), "three web tasks and one worker task run, no stray container");
    }

    @Test
    void firstInterruptFinishesWhatIsInFlightSavesItReleasesTheLockAndExitsOne() throws Exception {
        try (BerthProcess apply = applyUntilWebIsBeingCreated()) {
            apply.signal(ctrlC());
            Integer code = apply.exitCode(Duration.ofSeconds(60));
            String out = apply.output();

            assertEquals(1, code, () -> "exit code; berth printed:\n" + out);
            assertTrue(out.contains("Interrupt received.\nPlease wait for berth to exit or data loss may occur.\n"
                    + "Gracefully shutting down..."), out);
            assertTrue(out.contains("ecs_service.web: Creation complete"), () -> "web, in flight, finished:\n" + out);
            assertFalse(out.contains("ecs_service.worker: Creating"), () -> "worker was started:\n" + out);
            assertTrue(out.contains("Error: Apply interrupted"), out);
        }
        assertEquals(List.of("ecs_cluster.main", "ecs_service.web", "ecs_task_definition.app"), stateList(),
                "what completed is saved, nothing else");
        assertEquals(3, containers(), "the state's web tasks are what runs");
        CliRun plan = CliRun.in(dir, "plan");
        assertTrue(plan.out().contains("# ecs_service.worker will be created")
                && plan.out().contains("Plan: 1 to add, 0 to change, 0 to destroy."), plan::toString);
        assertNextApplyConverges();

        CliRun destroy = CliRun.in(dir, "destroy", "-auto-approve", "-target=ecs_service.web");
        assertEquals(0, destroy.exitCode(), destroy::toString);
        assertTrue(destroy.out().contains("Resource targeting is in effect"), destroy::toString);
        assertTrue(destroy.out().contains("Destroy complete! Resources: 2 destroyed."), destroy::toString);
        assertEquals(List.of("ecs_cluster.main", "ecs_task_definition.app"), stateList(),
                "web and worker, which depends on it, are gone; the rest stays");
        assertEquals(0, containers());
    }

    @Test
    void secondInterruptExitsAtOnceWithoutStrandingTheLock() throws Exception {
        try (BerthProcess apply = applyUntilWebIsBeingCreated()) {
            String signal = ctrlC();
            apply.signal(signal);
            apply.await(l -> l.equals("Gracefully shutting down..."), Duration.ofSeconds(10));
            apply.signal(signal);
            Integer code = apply.exitCode(Duration.ofSeconds(10));
            String out = apply.output();

            assertEquals(130, code, () -> "exit code; berth printed:\n" + out);
            assertTrue(out.contains("Two interrupts received. Exiting immediately."), out);
        }
        assertTrue(stateList().containsAll(List.of("ecs_cluster.main", "ecs_task_definition.app")),
                "the changes completed before the interrupts are saved");
        assertNextApplyConverges();
    }
}
