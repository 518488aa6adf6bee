package dev.berth.ecs.runtime;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangedTest {
    @Test
    void twoEnginesChangesTogether() {
        assertEquals(Changed.containers(Set.of("a", "b")), Changed.containers(Set.of("a")).and(Changed.containers(Set.of("b"))));
        assertEquals(Changed.ANYTHING, Changed.containers(Set.of("a")).and(Changed.ANYTHING));
        assertTrue(Changed.NOTHING.and(Changed.NOTHING).nothing());
        assertEquals(Changed.NOTHING, Changed.containers(Set.of()));
    }

    @Test
    void aListingIsUpdatedWithTheChangedContainersOnly() {
        ContainerInfo a = container("a", "running");
        ContainerInfo b = container("b", "running");
        ContainerInfo c = container("c", "running");
        Changed changed = Changed.containers(Set.of("b", "d"));
        assertEquals(List.of(container("b", "exited"), a, c), changed.applyTo(List.of(a, b, c),
                List.of(container("b", "exited"), container("x", "running"))),
                "b replaced; d (no entry now) left out; x, which was not reported changed, not taken in");
        assertEquals(List.of(a, c), changed.applyTo(List.of(a, b, c), List.of()), "a changed container gone from the engine leaves");
        assertThrows(IllegalStateException.class, () -> Changed.ANYTHING.applyTo(List.of(a), List.of()));
    }

    private static ContainerInfo container(String id, String state) {
        return new ContainerInfo(id, "/" + id, "img", Map.of(), state, null, List.of(), 0, 0, 0, Map.of(), null, 0, false);
    }
}
