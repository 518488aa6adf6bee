package dev.berth.bench;

import dev.berth.ecs.scheduler.PlacementRequest;
import dev.berth.ecs.scheduler.LiveCluster;
import dev.berth.ecs.scheduler.Placer;
import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * 1,000,000 tasks of one service onto 5,000 empty instances in 3 zones, with the ECS default
 * service placement (zone with fewest, then instance with fewest) and every feasibility check
 * (agent, status, cpu, memory, ports). One shot = building the live cluster, all million
 * decisions and starts, and the final immutable snapshot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SchedulerMillionBenchmark {
    private ClusterSnapshot empty;
    private PlacementRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        empty = SchedulerClusters.cluster(5000, 8192, 16384, 0, 0);
        request = new PlacementRequest("service:web", SchedulerClusters.webTask(32, 64), 1_000_000, List.of(), List.of(), 1L);
    }

    @Benchmark
    public ClusterSnapshot placeMillion() {
        LiveCluster live = new LiveCluster(empty);
        Placer.Outcome o = Placer.place(live, request, true);
        if (o.placements().size() != 1_000_000 || o.failure().isPresent()) throw new IllegalStateException("not all placed");
        return live.snapshot();
    }
}
