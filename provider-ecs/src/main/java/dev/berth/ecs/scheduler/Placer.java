package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.scheduler.model.HostPort;
import dev.berth.ecs.scheduler.model.RunningTask;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs the decisions of one request against a live cluster, starting each placed task at once. */
public final class Placer {
    private Placer() {
    }

    /** Placements made plus the failure that stopped placement, if any. */
    public record Outcome(List<Placement> placements, Optional<PlacementFailure> failure) {
    }

    /**
     * @param indexed false forces the linear reference scan; both must choose the same instances
     */
    public static Outcome place(LiveCluster c, PlacementRequest request, boolean indexed) {
        PreparedRequest p = c.prepare(request);
        boolean useIndex = indexed && p.indexable();
        List<HostPort> ports = request.task().staticHostPorts();
        List<Placement> placed = new ArrayList<>(request.count());
        for (int k = 0; k < request.count(); k++) {
            int i = useIndex ? p.index().choose() : Ranking.chooseLinear(c, p, request.seed(), k);
            if (i < 0) return new Outcome(placed, Optional.of(failure(c, p, request.count() - k)));
            long started = c.nextStartedAt();
            RunningTask task = new RunningTask(taskId(c.cluster(), request.seed(), started), request.group(),
                    request.task().taskDefinition(), p.cpu, p.memory, ports, started);
            c.start(i, task);
            ContainerInstance inst = c.instance(i);
            placed.add(new Placement(inst.id(), inst.shortName(), inst.zone(), task));
        }
        return new Outcome(placed, Optional.empty());
    }

    /**
     * Why no instance could take the task: each instance's first failed check, as the check
     * recorded it; the "closest matching" instance is the one that got furthest, ties going to
     * the lowest instance id. Resources come after constraints so that "closest" means "the kind
     * of instance you asked for, but full".
     */
    static PlacementFailure failure(LiveCluster c, PreparedRequest p, int unplaced) {
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            Rejection r = p.rejection(i);
            if (r != null) rejections.add(r);
        }
        return PlacementFailure.of(p.request.subject(), unplaced, c.size(), rejections, p::constraintError);
    }

    /** Unique within the cluster (the logical clock never repeats) and reproducible for a seed. */
    private static String taskId(String cluster, long seed, long started) {
        return "arn:aws:ecs:local:000000000000:task/" + cluster + "/"
                + Long.toHexString(Ranking.mix(seed, started, 0));
    }
}
