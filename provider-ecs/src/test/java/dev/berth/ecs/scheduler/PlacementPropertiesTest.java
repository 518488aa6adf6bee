package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.LiveCluster;
import dev.berth.ecs.scheduler.Placer;
import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.scheduler.model.HostPort;
import dev.berth.ecs.scheduler.model.RunningTask;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Seeded random scenarios; each failure message carries the seed that reproduces it. */
class PlacementPropertiesTest {
    private static final long BASE_SEED = 20261124L;

    @Test
    void placementsNeverBreakABindingRule() {
        for (int s = 0; s < 400; s++) {
            long seed = BASE_SEED + s;
            Random r = new Random(seed);
            ClusterSnapshot snap = Scenarios.cluster(r, 25);
            for (int round = 0; round < 4; round++) {
                PlacementRequest req = Scenarios.request(r);
                PlacementResult res = Scheduler.place(snap, req);
                Oracle oracle = new Oracle(snap);
                for (Placement p : res.placements()) {
                    String v = oracle.violation(req, p.instanceId());
                    assertNull(v, "seed " + seed + " round " + round + " " + req.constraints() + " on " + p.instanceId());
                    oracle.start(p.instanceId(), p.task());
                }
                if (res.failure().isPresent()) {
                    // A failure is only allowed when the oracle agrees nothing fits.
                    for (ContainerInstance i : res.snapshot().instances()) {
                        assertTrue(oracle.violation(req, i.id()) != null, "seed " + seed + ": " + i.id() + " fits but placement failed");
                    }
                    assertEquals(req.count() - res.placements().size(), res.failure().get().unplaced(), "seed " + seed);
                }
                snap = res.snapshot();
                assertNoOverCommitOrPortClash(snap, seed);
            }
        }
    }

    private static void assertNoOverCommitOrPortClash(ClusterSnapshot snap, long seed) {
        Map<String, Set<HostPort>> byEngine = new HashMap<>();
        for (ContainerInstance i : snap.instances()) {
            assertTrue(i.remainingCpu() >= 0 && i.remainingMemory() >= 0, "seed " + seed + ": " + i.id() + " over-committed");
            for (RunningTask t : i.runningTasks()) {
                for (HostPort p : t.hostPorts()) {
                    assertTrue(byEngine.computeIfAbsent(i.engine(), e -> new HashSet<>()).add(p),
                            "seed " + seed + ": port " + p + " twice on engine " + i.engine());
                }
            }
        }
    }

    @Test
    void zoneSpreadKeepsZonesWithinOneWhenCapacityAllows() {
        Strategy zone = new Strategy.Spread("attribute:ecs.availability-zone");
        List<List<Strategy>> variants = List.of(List.of(), List.of(zone), List.of(zone, new Strategy.Binpack(Strategy.Resource.MEMORY)),
                List.of(zone, new Strategy.Binpack(Strategy.Resource.CPU), new Strategy.Spread("instanceId")));
        for (int s = 0; s < 300; s++) {
            long seed = BASE_SEED * 3 + s;
            Random r = new Random(seed);
            int zones = 2 + r.nextInt(3);
            List<ContainerInstance> list = new ArrayList<>();
            for (int i = 0; i < zones * (1 + r.nextInt(4)); i++) {
                // Uneven instance sizes, but every zone can hold everything asked of it.
                list.add(Fixtures.instance(String.format("i-%03d", i), "z" + (i % zones), "m5", 1 << 20, 1024 * (8 + r.nextInt(64))));
            }
            int count = 1 + r.nextInt(zones * 8);
            PlacementRequest req = new PlacementRequest("service:web", Fixtures.task("web", 64, 128), count, List.of(),
                    variants.get(r.nextInt(variants.size())), seed);
            PlacementResult res = Scheduler.place(new ClusterSnapshot("prod", list), req);
            assertEquals(count, res.placements().size(), "seed " + seed);
            Map<String, Integer> perZone = new HashMap<>();
            for (int z = 0; z < zones; z++) perZone.put("z" + z, 0);
            res.placements().forEach(p -> perZone.merge(p.zone(), 1, Integer::sum));
            int max = perZone.values().stream().max(Integer::compare).orElseThrow();
            int min = perZone.values().stream().min(Integer::compare).orElseThrow();
            assertTrue(max - min <= 1, "seed " + seed + " " + req.strategies() + ": " + perZone);
        }
    }

    @Test
    void sameSeedSamePlacements() {
        for (int s = 0; s < 200; s++) {
            long seed = BASE_SEED * 5 + s;
            Random r = new Random(seed);
            ClusterSnapshot snap = Scenarios.cluster(r, 30);
            PlacementRequest req = Scenarios.request(r);
            PlacementResult a = Scheduler.place(snap, req);
            PlacementResult b = Scheduler.place(snap, req);
            assertEquals(a.placements(), b.placements(), "seed " + seed);
            assertEquals(a.snapshot(), b.snapshot(), "seed " + seed);
        }
    }

    /**
     * The rank index, kept across requests, starts and stops, must pick exactly what the linear
     * reference scan picks.
     */
    @Test
    void indexChoosesWhatTheLinearScanChooses() {
        for (int s = 0; s < 300; s++) {
            long seed = BASE_SEED * 7 + s;
            Random r = new Random(seed);
            ClusterSnapshot snap = Scenarios.cluster(r, 40);
            LiveCluster indexed = new LiveCluster(snap);
            LiveCluster linear = new LiveCluster(snap);
            List<PlacementRequest> recent = new ArrayList<>();
            for (int step = 0; step < 12; step++) {
                PlacementRequest req = !recent.isEmpty() && r.nextBoolean() ? recent.get(r.nextInt(recent.size())) : Scenarios.request(r);
                recent.add(req);
                Placer.Outcome a = Placer.place(indexed, req, true);
                Placer.Outcome b = Placer.place(linear, req, false);
                assertEquals(ids(b), ids(a), "seed " + seed + " step " + step + " " + req.strategies() + " " + req.constraints());
                assertEquals(b.failure().map(PlacementFailure::message), a.failure().map(PlacementFailure::message), "seed " + seed);
                stopSome(r, indexed, linear);
            }
            assertEquals(linear.snapshot(), indexed.snapshot(), "seed " + seed);
        }
    }

    private static List<String> ids(Placer.Outcome o) {
        return o.placements().stream().map(Placement::instanceId).toList();
    }

    private static void stopSome(Random r, LiveCluster a, LiveCluster b) {
        int stops = r.nextInt(6);
        for (int k = 0; k < stops && a.size() > 0; k++) {
            int i = r.nextInt(a.size());
            List<RunningTask> on = a.tasks(i);
            if (on.isEmpty()) continue;
            String id = on.get(r.nextInt(on.size())).taskId();
            assertTrue(a.stop(i, id));
            assertTrue(b.stop(i, id));
        }
    }

    @Test
    void scaleInStopsDistinctTasksOfTheGroupFromTheFullestZone() {
        for (int s = 0; s < 200; s++) {
            long seed = BASE_SEED * 11 + s;
            Random r = new Random(seed);
            ClusterSnapshot snap = Scenarios.cluster(r, 20);
            PlacementRequest req = new PlacementRequest("service:web", Fixtures.task("web", 1, 1), 1 + r.nextInt(40), List.of(), List.of(), seed);
            snap = Scheduler.place(snap, req).snapshot();
            long total = snap.tasksOfGroup("service:web");
            int stop = r.nextInt((int) total + 3);
            List<TaskToStop> chosen = Scheduler.chooseTasksToStop(snap, "service:web", stop);
            assertEquals(Math.min(stop, total), chosen.size(), "seed " + seed);
            assertEquals(chosen.size(), chosen.stream().map(TaskToStop::taskId).distinct().count(), "seed " + seed);
            if (!chosen.isEmpty()) {
                Map<String, Integer> perZone = new HashMap<>();
                for (ContainerInstance i : snap.instances()) {
                    for (RunningTask t : i.runningTasks()) {
                        if (t.group().equals("service:web")) perZone.merge(String.valueOf(i.zone()), 1, Integer::sum);
                    }
                }
                int most = perZone.values().stream().max(Integer::compare).orElseThrow();
                if (perZone.get(String.valueOf(chosen.get(0).zone())) != most) fail("seed " + seed + ": first stop not from the fullest zone " + perZone);
            }
        }
    }
}
