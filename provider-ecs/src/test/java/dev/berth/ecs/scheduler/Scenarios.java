package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.scheduler.model.ContainerSpec;
import dev.berth.ecs.scheduler.model.InstanceStatus;
import dev.berth.ecs.scheduler.model.NetworkMode;
import dev.berth.ecs.scheduler.model.PortSpec;
import dev.berth.ecs.scheduler.model.TaskSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random clusters and requests for the property tests; everything derives from one seed. */
final class Scenarios {
    static final String[] TYPES = {"t2.micro", "t2.small", "m5.large", "c5.xlarge"};
    static final String[] EXPRESSIONS = {
        "attribute:ecs.instance-type =~ t2.*",
        "attribute:ecs.instance-type in [m5.large, c5.xlarge]",
        "not(attribute:ecs.availability-zone == z0)",
        "attribute:tier exists or attribute:ecs.instance-type == t2.micro",
        "task:group != service:db",
        "runningTasksCount < 4",
        "task:group == service:db or runningTasksCount == 0",
        "attribute:ecs.availability-zone in [z0, z1] and agentConnected == true",
    };
    static final String[] GROUPS = {"service:web", "service:db", "family:batch"};

    private Scenarios() {
    }

    static ClusterSnapshot cluster(Random r, int maxInstances) {
        int n = 1 + r.nextInt(maxInstances);
        int zones = 1 + r.nextInt(4);
        int engines = r.nextBoolean() ? n : Math.max(1, n / 2);
        List<ContainerInstance> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> attrs = new HashMap<>();
            if (r.nextInt(10) > 0) attrs.put(ContainerInstance.ZONE, "z" + r.nextInt(zones));
            attrs.put(ContainerInstance.INSTANCE_TYPE, TYPES[r.nextInt(TYPES.length)]);
            if (r.nextBoolean()) attrs.put("tier", "gold");
            InstanceStatus status = r.nextInt(12) == 0 ? InstanceStatus.DRAINING : InstanceStatus.ACTIVE;
            out.add(new ContainerInstance(String.format("i-%03d", i), String.format("i-%03d", i), "prod",
                    512 << r.nextInt(4), 512 << r.nextInt(5), attrs, status, r.nextInt(15) > 0,
                    "e" + r.nextInt(engines), List.of()));
        }
        return new ClusterSnapshot("prod", out);
    }

    static TaskSpec task(Random r) {
        NetworkMode mode = NetworkMode.values()[r.nextInt(3)];
        List<PortSpec> ports = new ArrayList<>();
        int np = r.nextInt(3);
        for (int k = 0; k < np; k++) {
            int port = new int[] {80, 443, 8080}[r.nextInt(3)];
            ports.add(new PortSpec(port, r.nextBoolean() ? port : 0, r.nextInt(4) == 0 ? "udp" : "tcp"));
        }
        Integer reservation = r.nextBoolean() ? 64 << r.nextInt(3) : null;
        return new TaskSpec("app", null, null, null, mode,
                List.of(new ContainerSpec("c", 128 * r.nextInt(5), 128 << r.nextInt(4), reservation, ports)));
    }

    static List<Constraint> constraints(Random r) {
        List<Constraint> out = new ArrayList<>();
        int n = r.nextInt(3);
        for (int k = 0; k < n; k++) {
            out.add(r.nextInt(3) == 0 ? Constraint.distinctInstance()
                    : Constraint.memberOf(EXPRESSIONS[r.nextInt(EXPRESSIONS.length)]));
        }
        return out;
    }

    static List<Strategy> strategies(Random r) {
        Strategy[] pool = {
            new Strategy.Spread("attribute:ecs.availability-zone"), new Strategy.Spread("attribute:ecs.instance-type"),
            new Strategy.Spread("instanceId"), new Strategy.Binpack(Strategy.Resource.CPU),
            new Strategy.Binpack(Strategy.Resource.MEMORY), new Strategy.Random(),
        };
        List<Strategy> out = new ArrayList<>();
        int n = r.nextInt(4);
        for (int k = 0; k < n; k++) out.add(pool[r.nextInt(pool.length)]);
        return out;
    }

    static PlacementRequest request(Random r) {
        return new PlacementRequest(GROUPS[r.nextInt(GROUPS.length)], task(r), 1 + r.nextInt(25), constraints(r),
                strategies(r), r.nextLong());
    }
}
