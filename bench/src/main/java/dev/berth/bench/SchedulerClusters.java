package dev.berth.bench;

import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.scheduler.model.ContainerSpec;
import dev.berth.ecs.scheduler.model.InstanceStatus;
import dev.berth.ecs.scheduler.model.NetworkMode;
import dev.berth.ecs.scheduler.model.PortSpec;
import dev.berth.ecs.scheduler.model.RunningTask;
import dev.berth.ecs.scheduler.model.TaskSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Simulated clusters for the scheduler benchmarks. */
final class SchedulerClusters {
    static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};
    static final String[] TYPES = {"m5.xlarge", "m5.2xlarge", "c5.2xlarge"};

    private SchedulerClusters() {
    }

    /**
     * n instances round-robin over three zones and three types, each running tasksPerInstance
     * tasks of 100 services; the first webInstances instances also run one task of service:web.
     */
    static ClusterSnapshot cluster(int n, int cpu, int memory, int tasksPerInstance, int webInstances) {
        List<ContainerInstance> out = new ArrayList<>(n);
        long started = 0;
        for (int i = 0; i < n; i++) {
            List<RunningTask> tasks = new ArrayList<>(tasksPerInstance);
            for (int k = 0; k < tasksPerInstance; k++) {
                String group = i < webInstances && k == 0 ? "service:web" : "service:s" + ((i + k) % 100);
                tasks.add(new RunningTask("t-" + i + "-" + k, group, group.substring(8) + ":1", 32, 64 + 32 * (k % 4), List.of(), started++));
            }
            String id = String.format("arn:aws:ecs:us-east-1:000000000000:container-instance/bench/%05d", i);
            out.add(new ContainerInstance(id, String.format("i-%05d", i), "bench", cpu, memory,
                    Map.of("ecs.availability-zone", ZONES[i % 3], "ecs.instance-type", TYPES[(i / 3) % 3], "ecs.os-type", "linux"),
                    InstanceStatus.ACTIVE, true, "engine-" + i, tasks));
        }
        return new ClusterSnapshot("bench", out);
    }

    static TaskSpec webTask(int cpu, int memory) {
        return new TaskSpec("web", "web:7", null, null, NetworkMode.BRIDGE,
                List.of(new ContainerSpec("web", cpu, memory, null, List.of(new PortSpec(8080, 0, "tcp")))));
    }
}
