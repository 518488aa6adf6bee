package dev.berth.bench;

import dev.berth.ecs.scheduler.Constraint;
import dev.berth.ecs.scheduler.Placement;
import dev.berth.ecs.scheduler.PlacementRequest;
import dev.berth.ecs.scheduler.PlacementResult;
import dev.berth.ecs.scheduler.Scheduler;
import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.Strategy;
import dev.berth.ecs.scheduler.LiveCluster;
import dev.berth.ecs.scheduler.Placer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Latency of ONE placement decision with 150,000 tasks already running on 5,000 instances, under
 * spread(zone) + binpack(memory) + memberOf(instance type) + distinctInstance, 1,500 instances
 * already holding a task of the service. Each sample places one task and stops it again, so the
 * cluster stays the same size; the sample therefore includes a start and a stop as well.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SchedulerDecisionBenchmark {
    private LiveCluster live;
    private ClusterSnapshot snapshot;
    private PlacementRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        snapshot = SchedulerClusters.cluster(5000, 8192, 16384, 30, 1500);
        live = new LiveCluster(snapshot);
        request = new PlacementRequest("service:web", SchedulerClusters.webTask(256, 512), 1,
                List.of(Constraint.memberOf("attribute:ecs.instance-type =~ m5.*"), Constraint.distinctInstance()),
                List.of(new Strategy.Spread("attribute:ecs.availability-zone"), new Strategy.Binpack(Strategy.Resource.MEMORY)), 1L);
        Placer.place(live, request, true); // the first request builds the rank index; later ones reuse it
    }

    private final ArrayDeque<Placement> inFlight = new ArrayDeque<>();

    /**
     * Keeps up to 1,000 extra tasks of the service placed, stopping the oldest before each new
     * placement, so decisions keep moving between instances and zones instead of repeating.
     */
    @Benchmark
    public Placement placeOneRolling() {
        if (inFlight.size() >= 1000) {
            Placement old = inFlight.removeFirst();
            live.stop(live.ordinal(old.instanceId()), old.task().taskId());
        }
        Placer.Outcome o = Placer.place(live, request, true);
        Placement p = o.placements().get(0);
        inFlight.addLast(p);
        return p;
    }

    /**
     * The stateless API from cold: index 150,000 tasks, build the rank index, decide once and
     * produce the new snapshot. What a caller pays when it does not keep a LiveCluster.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public PlacementResult coldFromSnapshot() {
        return Scheduler.place(snapshot, request);
    }

    /** Place one task and stop it again: the same decision over and over. */
    @Benchmark
    public Placement placeOne() {
        Placer.Outcome o = Placer.place(live, request, true);
        Placement p = o.placements().get(0);
        live.stop(live.ordinal(p.instanceId()), p.task().taskId());
        return p;
    }
}
