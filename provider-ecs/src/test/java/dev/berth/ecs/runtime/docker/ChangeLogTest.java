package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import com.github.dockerjava.api.model.EventType;
import dev.berth.ecs.runtime.Changed;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChangeLogTest {
    private static Event container(String action, String id, long timeNano) {
        return new Event().withType(EventType.CONTAINER).withAction(action).withTimenano(timeNano)
                .withEventActor(new EventActor().withId(id).withAttributes(Map.of("name", "x")));
    }

    private static Event labelled(String action, String id, long timeNano, Map<String, String> attributes) {
        return new Event().withType(EventType.CONTAINER).withAction(action).withTimenano(timeNano)
                .withEventActor(new EventActor().withId(id).withAttributes(attributes));
    }

    private static Event of(EventType type, String action, Map<String, String> attributes, long timeNano) {
        return new Event().withType(type).withAction(action).withTimenano(timeNano)
                .withEventActor(new EventActor().withId("actor").withAttributes(attributes));
    }

    private static Changed after(List<Event> events, long from) {
        ChangeLog log = new ChangeLog();
        log.record(events, true, 0, 10_000);
        return log.since(from);
    }

    @Test
    void aContainersEventsTouchItAndItsExecsDoNot() {
        List<Event> events = List.of(container("start", "c1", 200), container("die", "c2", 300),
                container("exec_start: sh -c true", "c3", 900), container("exec_die", "c3", 950));
        assertEquals(Changed.containers(Set.of("c1", "c2")), after(events, 100));
        assertEquals(Changed.containers(Set.of("c2")), after(events, 250), "only what came at or after the moment");
        assertEquals(Changed.NOTHING, after(events, 301), "a process run inside a container changes nothing a listing shows");
    }

    @Test
    void aListingUnderLabelsIsNotToldOfContainersItsLabelsDoNotMatch() {
        ChangeLog log = new ChangeLog();
        log.record(List.of(
                labelled("die", "task", 200, Map.of("dev.berth.cluster", "c", "name", "t")),
                labelled("start", "web", 210, Map.of("dev.berth.cluster", "c", "dev.berth.service", "web")),
                of(EventType.NETWORK, "connect", Map.of("container", "unseen", "name", "n"), 220)), true, 0, 10_000);
        assertEquals(Changed.containers(Set.of("web", "unseen")), log.since(100, List.of("dev.berth.service=web")),
                "the task is not the service's; a container known only from its network's event may be");
        assertEquals(Changed.containers(Set.of("task", "web", "unseen")), log.since(100, List.of("dev.berth.cluster=c")));
        assertEquals(Changed.containers(Set.of("web", "unseen")), log.since(100, List.of("dev.berth.cluster", "dev.berth.service")),
                "every filter must match, a key alone by being there");
        assertEquals(Changed.containers(Set.of("task", "web", "unseen")), log.since(100, List.of("name=other")),
                "a key without a dot may be one of moby's own attributes, so it excludes nothing");
        assertEquals(Changed.containers(Set.of("task", "web", "unseen")), log.since(100, List.of()));
    }

    @Test
    void anEventWithoutAnActorTouchesItsContainerWithoutNamingItsLabels() {
        ChangeLog log = new ChangeLog();
        log.record(List.of(new Event().withType(EventType.CONTAINER).withAction("die").withId("old").withTimenano(200L)),
                true, 0, 10_000);
        assertEquals(Changed.containers(Set.of("old")), log.since(100, List.of("dev.berth.service=web")));
    }

    @Test
    void aContainersLabelsAreForgottenLeastRecentlyTouchedFirst() {
        ChangeLog log = new ChangeLog();
        for (int i = 0; i <= ChangeLog.LABELLED; i += 100) {
            List<Event> look = new ArrayList<>(); // as looks read them: never a full log
            for (int j = i; j < i + 100 && j <= ChangeLog.LABELLED; j++) {
                look.add(labelled("start", "c" + j, 200 + j, Map.of("dev.berth.service", "other")));
            }
            log.record(look, true, 0, 100_000);
        }
        Set<String> shown = log.since(100, List.of("dev.berth.service=web")).containerIds();
        assertEquals(Set.of("c0"), shown, "the first one's labels were let go of, so it may be the service's");
    }

    @Test
    void aNetworkOrVolumeEventTouchesTheContainerItNamesAndNoneWithout() {
        assertEquals(Changed.containers(Set.of("c1", "c2")), after(List.of(
                of(EventType.NETWORK, "connect", Map.of("container", "c1", "name", "n"), 200),
                of(EventType.VOLUME, "mount", Map.of("container", "c2", "driver", "local"), 210),
                of(EventType.NETWORK, "create", Map.of("name", "n", "type", "bridge"), 220),
                of(EventType.VOLUME, "destroy", Map.of("driver", "local"), 230)), 100));
    }

    @Test
    void anImageOrDaemonEventOrAnUnknownKindIsAChangeOfAnything() {
        assertEquals(Changed.ANYTHING, after(List.of(of(EventType.IMAGE, "tag", Map.of("name", "busybox:1"), 200)), 100),
                "a listing names a container's image by what its tag means now");
        assertEquals(Changed.ANYTHING, after(List.of(of(EventType.DAEMON, "reload", Map.of(), 200)), 100));
        assertEquals(Changed.ANYTHING, after(List.of(of(null, "prune", Map.of(), 200)), 100));
        assertEquals(Changed.NOTHING, after(List.of(of(EventType.IMAGE, "tag", Map.of(), 200)), 201),
                "but only for listings older than it");
    }

    @Test
    void theEnginesClockIsTurnedIntoOurs() {
        ChangeLog log = new ChangeLog();
        log.record(List.of(container("update", "c1", 1_250)), true, 1_000, 10_000);
        assertEquals(Changed.containers(Set.of("c1")), log.since(250));
        assertEquals(Changed.NOTHING, log.since(251));
    }

    @Test
    void anUnfinishedLookOrAFullLogIsAChangeOfAnythingNow() {
        ChangeLog unfinished = new ChangeLog();
        unfinished.record(List.of(), false, 0, 10_000);
        assertEquals(Changed.ANYTHING, unfinished.since(10_000));
        assertEquals(Changed.NOTHING, unfinished.since(10_001));
        List<Event> full = new ArrayList<>();
        for (int i = 0; i < ChangeLog.FULL_LOG; i++) full.add(container("exec_start: probe", "c", 500 + i));
        assertEquals(Changed.ANYTHING, after(full, 9_000), "events pushed out of the engine's log of 256 may have been changes");
    }

    @Test
    void aListingOlderThanWhatIsKeptIsToldAnything() {
        ChangeLog log = new ChangeLog();
        long minute = TimeUnit.MINUTES.toNanos(1);
        log.record(List.of(container("start", "old", minute)), true, 0, 2 * minute);
        log.record(List.of(container("start", "new", 7 * minute)), true, 0, 7 * minute);
        assertEquals(Changed.ANYTHING, log.since(minute / 2), "the touch of 'old' was let go of");
        assertEquals(Changed.containers(Set.of("new")), log.since(minute + 1));
    }

    @Test
    void anEventLoggedLateBehindNewerOnesHidesNoneOfThem() {
        ChangeLog log = new ChangeLog();
        long second = TimeUnit.SECONDS.toNanos(1);
        log.record(List.of(container("start", "newer", 10 * second + second / 2)), true, 0, 11 * second);
        // The next look reads the last seconds again, in the order of the engine's log: "newer" again,
        // then an event the engine stamped earlier but logged after it.
        log.record(List.of(container("start", "newer", 10 * second + second / 2), container("die", "late", 8 * second)),
                true, 0, 12 * second);
        assertEquals(Changed.containers(Set.of("newer")), log.since(10 * second));
        assertEquals(Changed.containers(Set.of("late", "newer")), log.since(7 * second));
    }

    @Test
    void eventsReadTwiceAtTwoLooksCommonEdgeAreStillFound() {
        ChangeLog log = new ChangeLog();
        log.record(List.of(container("start", "a", 1_000), container("die", "b", 2_000)), true, 0, 3_000);
        // The next look starts a moment before the last one ended and reads b's event again, then a later one.
        log.record(List.of(container("die", "b", 2_000), container("start", "c", 2_500)), true, 0, 4_000);
        assertEquals(Changed.containers(Set.of("a", "b", "c")), log.since(1_000));
    }
}
