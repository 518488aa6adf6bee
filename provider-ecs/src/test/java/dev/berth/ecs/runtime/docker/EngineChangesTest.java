package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.model.Event;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EngineChangesTest {
    private static Event event(String action, long timeNano) {
        return new Event().withAction(action).withTimenano(timeNano);
    }

    @Test
    void theLatestEventCountsAndExecsDoNot() {
        assertEquals(300, EngineChanges.latestChange(100, List.of(event("start", 200), event("die", 300),
                event("exec_start: sh -c true", 900), event("exec_die", 950)), true, 0, 10_000));
        assertEquals(100, EngineChanges.latestChange(100, List.of(event("exec_create: cat /x", 500)), true, 0, 10_000),
                "a process run inside a container changes nothing a listing shows");
        assertEquals(100, EngineChanges.latestChange(100, List.of(event("start", 50)), true, 0, 10_000),
                "never earlier than what was known");
    }

    @Test
    void theEnginesClockIsTurnedIntoOurs() {
        assertEquals(250, EngineChanges.latestChange(0, List.of(event("update", 1_250)), true, 1_000, 10_000));
    }

    @Test
    void anUnfinishedLookOrAFullLogCountsAsAChangeNow() {
        assertEquals(10_000, EngineChanges.latestChange(100, List.of(), false, 0, 10_000));
        List<Event> full = new ArrayList<>();
        for (int i = 0; i < 200; i++) full.add(event("exec_start: probe", 500 + i));
        assertEquals(10_000, EngineChanges.latestChange(100, full, true, 0, 10_000),
                "events pushed out of the engine's log of 256 may have been changes");
    }
}
