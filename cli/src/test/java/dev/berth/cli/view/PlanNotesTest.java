package dev.berth.cli.view;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.ActionReason;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A provider's notes print as comment lines under the resource's block. */
class PlanNotesTest {
    @Test
    void notesAreCommentLines() {
        ResourceChange c = new ResourceChange(ResourceInstanceAddr.of("ecs_service", "web"), "ecs", Action.CREATE, null,
                new MapValue(Map.of("name", Value.of("web"))), List.of(), ActionReason.NONE, null,
                List.of("placement: 2 tasks -> ci-1 (zone-a)", "rollout: 2 steps"));
        assertEquals("    # placement: 2 tasks -> ci-1 (zone-a)\n    # rollout: 2 steps\n",
                PlanRenderer.notes(c, new Palette(false)));
    }
}
