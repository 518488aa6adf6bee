package dev.berth.ecs.console;

import dev.berth.ecs.api.ClusterCalls.Cluster;
import dev.berth.ecs.api.InstanceCalls.ContainerInstance;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.TaskCalls.Task;

import java.time.Instant;
import java.util.List;

/**
 * The world as the console draws it: per cluster, its zones as lanes of boxes with the tasks
 * inside, its services and its tasks (running, and the latest stopped); and every task
 * definition family with its active revisions. The API's records are used as they are.
 */
public record WorldPicture(List<ClusterView> clusters, List<Family> families) {

    /** One cluster: lanes by zone, services by name, tasks running first then the latest stopped. */
    public record ClusterView(Cluster cluster, List<Lane> lanes, List<Service> services, List<Task> tasks) {
        public String name() {
            return cluster.clusterName();
        }
    }

    /** A zone ({@code ecs.availability-zone}); {@code zone} is null for boxes of no zone. */
    public record Lane(String zone, List<Box> boxes) {
    }

    /**
     * A container instance ({@code instance} set; {@code cpu} and {@code memory} its registered
     * capacity and what its tasks reserve) or, with {@code instance} null, the FARGATE tasks of
     * the lane, which have no capacity to draw. {@code taskArns} are the tasks drawn inside it
     * (not stopped), in the order they were started.
     */
    public record Box(String label, ContainerInstance instance, Capacity cpu, Capacity memory, List<String> taskArns) {
        public boolean fargate() {
            return instance == null;
        }
    }

    /** CPU units or MiB: reserved by tasks, of the total registered. */
    public record Capacity(int used, int total) {
        /** The used share in whole percent, 0 to 100. */
        public int percent() {
            if (total <= 0) return 0;
            return (int) Math.max(0, Math.min(100, Math.round(100.0 * used / total)));
        }
    }

    /** A task definition family and its ACTIVE revisions, newest first. */
    public record Family(String family, List<Revision> revisions) {
    }

    /** One revision: what a reader wants to see at a glance. */
    public record Revision(String arn, int revision, String status, String cpu, String memory, String networkMode,
                           List<String> compatibilities, List<String> containers, Instant registeredAt) {
    }
}
