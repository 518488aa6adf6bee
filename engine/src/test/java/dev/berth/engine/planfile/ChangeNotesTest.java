package dev.berth.engine.planfile;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.ActionReason;
import dev.berth.engine.plan.Fold;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Provider notes survive a plan file, and the old constructors still mean "no notes". */
class ChangeNotesTest {
    private final ResourceInstanceAddr addr = ResourceInstanceAddr.of("ecs_service", "web");
    private final MapValue after = new MapValue(Map.of("name", Value.of("web")));

    @Test
    void notesRoundTripThroughThePlanFile() {
        ResourceChange c = new ResourceChange(addr, "ecs", Action.CREATE, null, after, List.of(), ActionReason.NONE,
                null, List.of("placement: 2 tasks -> a (zone-a)"));
        assertEquals(c.notes(), PlanPartsCodec.resourceChange(PlanPartsCodec.resourceChange(c)).notes());
    }

    @Test
    void aFoldRoundTripsThroughThePlanFileAndAnOldFileHasNone() {
        ResourceChange c = new ResourceChange(addr, "ecs", Action.UPDATE, after, after, List.of(), ActionReason.NONE,
                null, List.of(), null, new Fold(List.of("endpoints", "tasks"), "2 tasks will start",
                List.of("volume")));
        assertEquals(c.fold(), PlanPartsCodec.resourceChange(PlanPartsCodec.resourceChange(c)).fold());
        ResourceChange plain = new ResourceChange(addr, "ecs", Action.CREATE, null, after, List.of(), ActionReason.NONE);
        assertFalse(PlanPartsCodec.resourceChange(plain).has("fold_attributes"));
        assertEquals(Fold.NONE, PlanPartsCodec.resourceChange(PlanPartsCodec.resourceChange(plain)).fold());
    }

    @Test
    void oldFormsHaveNoNotesAndWriteNone() {
        ResourceChange c = new ResourceChange(addr, "ecs", Action.CREATE, null, after, List.of(), ActionReason.NONE);
        assertEquals(List.of(), c.notes());
        assertFalse(PlanPartsCodec.resourceChange(c).has("notes"));
        assertEquals(List.of(), new PlanResponse(after, List.of()).notes());
    }
}
