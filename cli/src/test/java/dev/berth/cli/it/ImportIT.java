package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.ContainerInfo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * state rm and import on the real engine: a forgotten service keeps running, the next plan
 * wants to create it, and importing it by cluster/name makes berth manage it again unchanged.
 */
class ImportIT extends WebExampleFixture {
    private List<String> runningWebContainers() {
        return running("web").stream().map(ContainerInfo::id).sorted().toList();
    }

    @Test
    void aRemovedServiceKeepsRunningAndCanBeImportedBack() {
        CliRun apply = berth("apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        List<String> before = runningWebContainers();
        assertEquals(2, before.size(), "two web tasks run after apply");

        CliRun rm = CliRun.in(dir, "state", "rm", "ecs_service.web");
        assertEquals(0, rm.exitCode(), rm::toString);
        assertEquals("Removed ecs_service.web\nSuccessfully removed 1 resource instance(s).\n", rm.out());
        assertEquals(before, runningWebContainers(), "state rm must not stop anything");

        CliRun planWithout = berth("plan");
        assertEquals(0, planWithout.exitCode(), planWithout::toString);
        assertTrue(planWithout.out().contains("# ecs_service.web will be created"), planWithout::toString);

        CliRun imported = berth("import", "ecs_service.web", cluster + "/web");
        assertEquals(0, imported.exitCode(), imported::toString);
        assertTrue(imported.out().contains("ecs_service.web: Importing from ID \"" + cluster + "/web\"..."), imported::toString);
        assertTrue(imported.out().contains("Import successful!"), imported::toString);
        assertEquals(before, runningWebContainers(), "import adopts the running tasks without touching them");

        CliRun show = CliRun.in(dir, "state", "show", "ecs_service.web");
        assertEquals(0, show.exitCode(), show::toString);
        assertTrue(show.out().contains("cluster/" + cluster), show::toString);

        CliRun planAfter = berth("plan");
        assertEquals(0, planAfter.exitCode(), planAfter::toString);
        assertFalse(planAfter.out().contains("# ecs_service.web"), "no change planned for the imported service: " + planAfter);
        assertFalse(planAfter.out().contains("# ecs_cluster.main"), planAfter::toString);
    }
}
