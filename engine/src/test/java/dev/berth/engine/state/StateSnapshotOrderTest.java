package dev.berth.engine.state;

import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.value.MapValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A snapshot's objects come in Terraform's address order whatever map they came in, and are found by address. */
class StateSnapshotOrderTest {

    private static ResourceState state(ResourceInstanceAddr a) {
        return new ResourceState(a, "ecs", 0, MapValue.EMPTY, List.of(), false);
    }

    private static List<ResourceInstanceAddr> addresses() {
        List<ResourceInstanceAddr> out = new ArrayList<>();
        for (String type : List.of("ecs_service", "ecs_cluster", "ecs_service_x", "a-b", "a")) {
            for (String name : List.of("web", "api", "svc_10", "svc_2")) {
                out.add(ResourceInstanceAddr.of(type, name));
                out.add(new ResourceAddr(type, name).instance(InstanceKey.of(3)));
                out.add(new ResourceAddr(type, name).instance(InstanceKey.of("k")));
            }
        }
        out.add(new ResourceInstanceAddr(ResourceAddr.data("ecs_cluster", "main"), InstanceKey.NONE));
        return out;
    }

    @Test
    void objectsComeInAddressOrderAndAreFoundByAddressFromAnyMap() {
        List<ResourceInstanceAddr> addrs = addresses();
        Map<ResourceInstanceAddr, ResourceState> tree = new TreeMap<>();
        addrs.forEach(a -> tree.put(a, state(a)));
        List<ResourceInstanceAddr> expected = new ArrayList<>(tree.keySet());

        Collections.shuffle(addrs, new java.util.Random(7));
        Map<ResourceInstanceAddr, ResourceState> hashed = new HashMap<>();
        Map<ResourceInstanceAddr, ResourceState> inserted = new LinkedHashMap<>();
        addrs.forEach(a -> {
            hashed.put(a, state(a));
            inserted.put(a, state(a));
        });
        for (Map<ResourceInstanceAddr, ResourceState> source : List.of(tree, hashed, inserted)) {
            StateSnapshot s = new StateSnapshot("l", 1, source, Map.of());
            assertEquals(expected, new ArrayList<>(s.resources().keySet()));
            assertEquals(expected, s.resources().values().stream().map(ResourceState::addr).toList());
            for (ResourceInstanceAddr a : expected) {
                // A new but equal address finds it, as a tree map did.
                ResourceInstanceAddr same = new ResourceInstanceAddr(new ResourceAddr(a.resource().mode(),
                        new String(a.type()), new String(a.name())), a.key());
                assertEquals(a, s.resource(same).orElseThrow().addr());
            }
            assertTrue(s.resource(ResourceInstanceAddr.of("ecs_service", "nope")).isEmpty());
            assertEquals(tree, s.resources());
            assertThrows(UnsupportedOperationException.class, () -> s.resources().put(expected.get(0), null));
        }
    }

    @Test
    void aSnapshotMadeFromAnotherSharesItsObjects() {
        Map<ResourceInstanceAddr, ResourceState> m = new HashMap<>();
        addresses().forEach(a -> m.put(a, state(a)));
        StateSnapshot s = new StateSnapshot("l", 1, m, Map.of());
        assertSame(s.resources(), s.withResources(s.resources()).resources());
    }
}
