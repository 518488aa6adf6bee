package dev.berth.state;

import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.Value;
import dev.berth.engine.memo.LastRead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.berth.state.Fixtures.addr;
import static dev.berth.state.Fixtures.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A state read again in the same process (a background berth's next plan) takes the objects
 * whose stored text has not changed from the last read, and decodes the rest: whatever changed
 * in between, by this process or another, reads as it now is. A JVM of its own keeps nothing for
 * a next read.
 */
class StateReadAgainTest {
    @TempDir
    Path dir;

    @BeforeEach
    void resident() {
        LastRead.keepAcrossReads(true);
    }

    @AfterEach
    void forget() {
        StateRows.DECODED.forget();
        LastRead.keepAcrossReads(false);
    }

    @Test
    void aJvmOfItsOwnDecodesEveryReadAfresh() {
        LastRead.keepAcrossReads(false);
        try (SqliteStateStore s = open()) {
            s.commit(List.of(put("a", "v1")), "apply");
            StateSnapshot first = s.read();
            assertNotSame(first.resources().get(addr("a")).attributes(), s.read().resources().get(addr("a")).attributes());
        }
    }

    private SqliteStateStore open() {
        return SqliteStateStore.open(dir.resolve("berth.db"));
    }

    @Test
    void anUnchangedObjectIsTheOneReadBeforeAndAChangedOneIsReadAfresh() {
        try (SqliteStateStore s = open()) {
            s.commit(List.of(put("a", "v1"), put("b", "v1")), "apply");
        }
        StateSnapshot first;
        try (SqliteStateStore s = open()) {
            first = s.read();
        }
        try (SqliteStateStore other = open()) {
            other.commit(List.of(put("b", "v2")), "apply");
        }
        StateSnapshot second;
        try (SqliteStateStore s = open()) {
            second = s.read();
        }
        assertSame(first.resources().get(addr("a")).attributes(), second.resources().get(addr("a")).attributes());
        assertNotSame(first.resources().get(addr("b")).attributes(), second.resources().get(addr("b")).attributes());
        assertEquals(Value.of("v2"), second.resources().get(addr("b")).attributes().get("image"));
    }

    @Test
    void theSameAttributesWithAValueMarkedSensitiveSinceReadMarked() {
        MapValue plain = new MapValue(Map.of("image", Value.of("nginx"), "password", Value.of("hunter2")));
        MapValue marked = plain.with("password", Value.sensitive(Value.of("hunter2")));
        try (SqliteStateStore s = open()) {
            s.commit(List.of(new StateChange.PutResource(new ResourceState(addr("db"), "ecs", 0, plain, List.of(),
                    false))), "apply");
            assertEquals(plain, s.read().resources().get(addr("db")).attributes());
            s.commit(List.of(new StateChange.PutResource(new ResourceState(addr("db"), "ecs", 0, marked, List.of(),
                    false))), "apply");
            MapValue read = s.read().resources().get(addr("db")).attributes();
            assertEquals(marked, read);
            assertInstanceOf(SensitiveValue.class, read.get("password"));
        }
    }

    @Test
    void aDeletedObjectIsGoneAndAReaddedOneIsReadAsItIsNow() {
        try (SqliteStateStore s = open()) {
            s.commit(List.of(put("a", "v1")), "apply");
            MapValue before = s.read().resources().get(addr("a")).attributes();
            s.commit(List.of(Fixtures.remove("a")), "destroy");
            assertEquals(Map.of(), s.read().resources());
            s.commit(List.of(put("a", "v1")), "apply");
            MapValue after = s.read().resources().get(addr("a")).attributes();
            // Forgotten when it left the state (only the last read is kept), so decoded again: the same value.
            assertNotSame(before, after);
            assertEquals(before, after);
        }
    }
}
