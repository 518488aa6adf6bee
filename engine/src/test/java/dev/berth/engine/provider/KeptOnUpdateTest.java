package dev.berth.engine.provider;

import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The schema's keeps-on-update mark, not the attribute's name, decides what an update keeps. */
class KeptOnUpdateTest {
    private static final ResourceSchema SCHEMA = new ResourceSchema("t", BlockSchema.of(List.of(
            AttributeSchema.named("arn", AttributeType.STRING).keepsOnUpdate().build(),
            AttributeSchema.named("etag", AttributeType.STRING).computed().build())), 0, "");

    @Test
    void anUnknownMarkedAttributeTakesThePriorValueAndOthersStayUnknown() {
        MapValue prior = new MapValue(Map.of("arn", Value.of("a1"), "etag", Value.of("e1")));
        MapValue planned = new MapValue(Map.of("arn", Value.unknown(), "etag", Value.unknown()));
        MapValue kept = KeptOnUpdate.apply(SCHEMA, prior, planned);
        assertEquals(Value.of("a1"), kept.get("arn"));
        assertEquals(Value.unknown(), kept.get("etag"));
    }

    @Test
    void aKnownPlannedValueOrACreateIsLeftAlone() {
        MapValue planned = new MapValue(Map.of("arn", Value.of("a2")));
        assertEquals(planned, KeptOnUpdate.apply(SCHEMA, new MapValue(Map.of("arn", Value.of("a1"))), planned));
        MapValue fresh = new MapValue(Map.of("arn", Value.unknown()));
        assertEquals(fresh, KeptOnUpdate.apply(SCHEMA, null, fresh));
    }
}
