package dev.berth.state;

import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Small builders shared by the state tests. */
final class Fixtures {

    private Fixtures() {
    }

    static ResourceInstanceAddr addr(String name) {
        return ResourceInstanceAddr.of("ecs_service", name);
    }

    static ResourceState resource(String name, Map<String, Value> attrs) {
        return new ResourceState(addr(name), "ecs", 1, new MapValue(attrs), List.of(), false);
    }

    static StateChange put(String name, String image) {
        return new StateChange.PutResource(resource(name, Map.of("image", Value.of(image))));
    }

    static StateChange remove(String name) {
        return new StateChange.RemoveResource(addr(name));
    }

    static StateChange output(String name, Value value, boolean sensitive) {
        return new StateChange.PutOutput(new OutputState(name, value, sensitive));
    }

    /** One value of every kind, with sensitive markings nested inside other sensitive values. */
    static MapValue everyKind() {
        Value nestedSecret = Value.sensitive(Value.map(Map.of(
                "user", Value.of("admin"),
                "password", Value.sensitive(Value.of("hunter2")))));
        return new MapValue(Map.of(
                "null", Value.nil(),
                "string", Value.of("nginx:1.27"),
                "int", Value.of(256),
                "decimal", Value.of(new BigDecimal("0.1")),
                "tiny", Value.of(new BigDecimal("1E-30")),
                "huge", Value.of(new BigDecimal("123456789012345678901234567890.000000001")),
                "bool", Value.of(true),
                "list", Value.list(List.of(Value.of(1), Value.sensitive(Value.of("x")), Value.list(List.of()))),
                "map", Value.map(Map.of("0", Value.of(false), "empty", Value.map(Map.of()))),
                "secret", nestedSecret));
    }

    static ResourceInstanceAddr keyed(String name, InstanceKey key) {
        return new ResourceAddr("ecs_service", name).instance(key);
    }
}
