package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.query.InstanceFacts;

import java.util.function.Predicate;

/** Query answers for one instance, read from the live counters rather than a snapshot. */
record Facts(LiveCluster cluster, int i) implements InstanceFacts {
    public String attribute(String name) {
        return cluster.instances[i].attributes().get(name);
    }

    public String ec2InstanceId() {
        return cluster.instances[i].ec2InstanceId();
    }

    public boolean agentConnected() {
        return cluster.instances[i].agentConnected();
    }

    public int runningTasksCount() {
        return cluster.running[i];
    }

    public boolean anyTaskGroup(Predicate<String> test) {
        return cluster.liveTasks(i).stream().anyMatch(t -> test.test(t.group()));
    }
}
