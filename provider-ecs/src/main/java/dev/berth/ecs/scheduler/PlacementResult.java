package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.model.ClusterSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What a placement did: the tasks placed, a failure if some were not, and the cluster after. */
public record PlacementResult(List<Placement> placements, Optional<PlacementFailure> failure, ClusterSnapshot snapshot) {
    public PlacementResult {
        placements = List.copyOf(placements);
    }

    /** Plan preview text: "2 tasks -> i-1 (us-east-1a), 1 task -> i-2 (us-east-1b)", by instance id. */
    public String summary() {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Placement> sample = new TreeMap<>();
        for (Placement p : placements) {
            counts.computeIfAbsent(p.instanceId(), k -> new int[1])[0]++;
            sample.putIfAbsent(p.instanceId(), p);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((id, n) -> {
            Placement p = sample.get(id);
            String zone = p.zone() == null ? "" : " (" + p.zone() + ")";
            parts.add(n[0] + (n[0] == 1 ? " task -> " : " tasks -> ") + p.instanceName() + zone);
        });
        return parts.isEmpty() ? "no tasks placed" : String.join(", ", parts);
    }
}
