package dev.berth.ecs.cost;

import dev.berth.engine.provider.CostRequests.Rate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What runs in a control plane now and what it costs: per cluster, its tasks grouped as ECS
 * groups them (a service's, or a family's one-off tasks) and its container instances, each
 * with its hourly rate and what it has cost since it started, billed by the second with a
 * one-minute minimum. Amounts are exact; views round them.
 */
public record RunningCost(Instant at, String prices, List<Cluster> clusters) {
    public RunningCost {
        clusters = List.copyOf(clusters);
    }

    public record Cluster(String name, List<Group> groups, List<Instance> instances) {
        public Cluster {
            groups = List.copyOf(groups);
            instances = List.copyOf(instances);
        }
    }

    /** ECS's task group: "service:web" or "family:migrate". */
    public record Group(String name, List<Task> tasks) {
        public Group {
            tasks = List.copyOf(tasks);
        }

        public BigDecimal perHour() {
            return tasks.stream().filter(t -> t.rate().known()).map(t -> t.rate().perHour())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal soFar() {
            return tasks.stream().filter(t -> t.soFar() != null).map(Task::soFar).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /**
     * One task: its id, launch type, size, how long it has run, its rate (zero for EC2, whose
     * instance is billed) and its cost so far (null when its rate is unknown).
     */
    public record Task(String id, String launchType, Sizing sizing, Duration ran, Rate rate, BigDecimal soFar) {
    }

    /** One container instance, billed as its EC2 instance type since it registered. */
    public record Instance(String id, String instanceType, String status, Duration up, Rate rate, BigDecimal soFar) {
    }

    public BigDecimal perHour() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Cluster c : clusters) {
            for (Group g : c.groups) sum = sum.add(g.perHour());
            for (Instance i : c.instances) if (i.rate.known()) sum = sum.add(i.rate.perHour());
        }
        return sum;
    }

    public BigDecimal soFar() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Cluster c : clusters) {
            for (Group g : c.groups) sum = sum.add(g.soFar());
            for (Instance i : c.instances) if (i.soFar != null) sum = sum.add(i.soFar);
        }
        return sum;
    }

    /** Tasks and instances whose rate is unknown, which the totals leave out. */
    public long unpriced() {
        long n = 0;
        for (Cluster c : clusters) {
            for (Group g : c.groups) n += g.tasks.stream().filter(t -> !t.rate.known()).count();
            n += c.instances.stream().filter(i -> !i.rate.known()).count();
        }
        return n;
    }
}
