package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.DeposedObject;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * create_before_destroy on a task definition whose ARN a service runs, on the real engine: the
 * service moves to the new revision in the same apply, the old revision is deregistered only
 * after that, and an old revision left deposed by a crash is shown and removed by the next apply.
 */
class CreateBeforeDestroyIT extends ClusterFixture {
    private void write(String command) throws Exception {
        Files.writeString(dir.resolve("main.hcl"), FargateApp.clusterAndApp(cluster, FargateApp.IMAGE, 64, command, "",
                "lifecycle {\n    create_before_destroy = true\n  }")
                + FargateApp.service("app", 1, null));
    }

    private static int line(String out, String text) {
        int i = out.indexOf(text);
        assertTrue(i >= 0, () -> "missing \"" + text + "\" in:\n" + out);
        return i;
    }

    @Test
    void aNewRevisionReachesTheServiceInOneApplyAndTheOldIsDeregisteredAfter() throws Exception {
        write("sleep 600");
        CliRun first = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, first.exitCode(), first::toString);
        write("sleep 601");

        CliRun plan = CliRun.in(dir, "plan");
        assertTrue(plan.out().contains("+/- resource \"ecs_task_definition\" \"app\""), plan::toString);
        assertTrue(plan.out().contains("# ecs_service.app will be updated in-place"), plan::toString);
        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        String out = apply.out();
        assertTrue(line(out, "ecs_service.app: Modifications complete")
                < line(out, "ecs_task_definition.app: Destroying..."), "the old revision outlives the move: " + out);

        CliRun next = CliRun.in(dir, "plan", "-detailed-exitcode");
        assertEquals(0, next.exitCode(), "the service already runs the new revision:\n" + next);
        CliRun shown = CliRun.in(dir, "state", "show", "ecs_service.app");
        assertTrue(shown.out().contains(":2\""), "the service runs revision 2: " + shown);
    }

    @Test
    void anOldRevisionLeftDeposedByACrashIsShownAndRemovedByTheNextApply() throws Exception {
        write("sleep 600");
        CliRun first = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, first.exitCode(), first::toString);
        ResourceInstanceAddr td = ResourceInstanceAddr.parse("ecs_task_definition.app").orElseThrow();
        // What an apply that died right after setting the old revision aside leaves in the state.
        try (var store = dev.berth.cli.TestStores.openState(dir)) {
            ResourceState old = store.read().resources().get(td);
            store.commit(List.of(new StateChange.RemoveResource(td),
                    new StateChange.PutDeposed(new DeposedObject("0badc0de", old))), "apply");
        }

        CliRun list = CliRun.in(dir, "state", "list");
        assertTrue(list.out().contains("ecs_task_definition.app (deposed object 0badc0de)"), list::toString);
        CliRun show = CliRun.in(dir, "state", "show", "ecs_task_definition.app");
        assertEquals(0, show.exitCode(), show::toString);
        assertTrue(show.out().contains("# ecs_task_definition.app: (deposed object 0badc0de)"), show::toString);
        CliRun plan = CliRun.in(dir, "plan");
        assertTrue(plan.out().contains("# ecs_task_definition.app (deposed object 0badc0de) will be destroyed"),
                plan::toString);
        assertTrue(plan.out().contains("# (left over from a partially-failed replacement of this instance)"),
                plan::toString);
        assertEquals(0, CliRun.in(dir, "plan", "-out=deposed.plan").exitCode());
        CliRun json = CliRun.in(dir, "show", "-json", "deposed.plan");
        assertTrue(json.out().replace(" ", "").contains("\"deposed\":\"0badc0de\""), json::toString);

        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        CliRun after = CliRun.in(dir, "state", "list");
        assertTrue(!after.out().contains("deposed"), after::toString);
        CliRun next = CliRun.in(dir, "plan", "-detailed-exitcode");
        assertEquals(0, next.exitCode(), next::toString);
    }
}
