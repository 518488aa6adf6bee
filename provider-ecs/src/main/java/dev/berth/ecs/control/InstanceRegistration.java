package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.InstanceCalls.RegisterContainerInstanceRequest;
import dev.berth.ecs.api.Shapes.Attribute;
import dev.berth.ecs.api.Shapes.Resource;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.instance.Drainer;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.instance.InstanceValidator;
import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.EngineCapacity;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.EngineTlsRow;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.tls.TlsEngines;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Registering a Docker engine into a cluster (a new instance, or again under its ARN, which
 * keeps its id and tasks), and deregistering it. A deregistered instance moves to the inactive
 * table, where it stays describable; with {@code force} its service tasks are first moved
 * elsewhere by draining, and whatever still runs on it is then stopped (ECS leaves such tasks
 * orphaned on the EC2 instance; berth's orphans would only be removed at the next refresh).
 */
final class InstanceRegistration {
    static final String TOKEN_KIND = "ecs_container_instance";
    private static final Duration STOP_GRACE = dev.berth.ecs.runtime.StopTimeouts.agentDefault();

    private final World world;
    private final ClusterFacts clusters;
    private final Function<String, ContainerRuntime> runtimes;
    private final Heartbeats heartbeats;
    private final Drainer drainer;

    InstanceRegistration(World world, ClusterFacts clusters, Function<String, ContainerRuntime> runtimes,
                         Heartbeats heartbeats, Drainer drainer) {
        this.world = world;
        this.clusters = clusters;
        this.runtimes = runtimes;
        this.heartbeats = heartbeats;
        this.drainer = drainer;
    }

    InstanceRow register(RegisterContainerInstanceRequest r) {
        ClusterRow cluster = clusters.active(r.cluster());
        // A retried registration with the same token (or an agent starting again on the same
        // engine) registers the instance its first one made again, keeping its id and tasks.
        String again = r.containerInstanceArn();
        if (again == null && r.clientToken() != null) {
            again = world.tokens.find(TOKEN_KIND, r.clientToken()).filter(a -> world.instances.get(a).isPresent())
                    .orElse(null);
        }
        String host = r.dockerHost() == null || r.dockerHost().isBlank() ? null : r.dockerHost().trim();
        if (host != null && !InstanceValidator.wellFormedHost(host)) {
            throw EcsException.invalidParameter("dockerHost \"" + host + "\" is not unix:///path/to/docker.sock or "
                    + "tcp://host:port.");
        }
        Optional<InstanceRow> existing = Optional.empty();
        if (again != null) {
            String arn = again;
            existing = world.instances.get(arn).or(() -> world.inactive.instance(arn));
            if (existing.isEmpty() || !existing.get().clusterArn().equals(cluster.arn())) {
                throw EcsException.invalidParameter("The referenced container instance " + arn
                        + " is not registered in cluster " + cluster.name() + ".");
            }
        }
        Integer cpu = resource(r.totalResources(), "CPU"), memory = resource(r.totalResources(), "MEMORY");
        if (r.dockerTls() != null && (host == null || !host.startsWith("tcp://"))) {
            throw EcsException.invalidParameter("dockerTls is for a tcp://host:port dockerHost.");
        }
        ContainerRuntime rt;
        try {
            rt = r.dockerTls() == null ? runtimes.apply(host) : TlsEngines.of(runtimes).reach(host, r.dockerTls());
        } catch (RuntimeFailure f) {
            throw EcsException.client("Cannot register the container instance: " + f.getMessage());
        }
        EngineCapacity capacity = null;
        boolean connected;
        try {
            rt.ping();
            // The engine's own size is kept even when the request registers less of it: instances
            // sharing one engine are booked against it together.
            capacity = rt.capacity();
            connected = true;
        } catch (RuntimeFailure f) {
            if (existing.isEmpty()) throw EcsException.client("Cannot register the container instance: " + f.getMessage());
            connected = false;
        }
        if (cpu == null) cpu = capacity != null ? capacity.cpuUnits() : existing.get().cpu();
        if (memory == null) memory = capacity != null ? (int) capacity.memoryMiB() : existing.get().memory();
        if (cpu <= 0 || memory <= 0) throw EcsException.invalidParameter("CPU and MEMORY must be above 0.");
        Map<String, String> attributes = new TreeMap<>();
        if (r.attributes() != null) {
            for (Attribute a : r.attributes()) {
                if (a == null || a.name() == null || a.name().isEmpty()) {
                    throw EcsException.invalidParameter("Every attribute needs a name.");
                }
                attributes.put(a.name(), a.value());
            }
        }
        attributes.putIfAbsent(ContainerInstance.OS_TYPE, "linux");
        String id = existing.map(InstanceRow::id).orElseGet(() -> UUID.randomUUID().toString().replace("-", ""));
        String arn = existing.map(InstanceRow::arn).orElse(arn(cluster.name(), id));
        String status = existing.filter(e -> e.draining()).isPresent() ? InstanceRow.DRAINING : InstanceRow.ACTIVE;
        Integer engineCpu = capacity != null ? Integer.valueOf(capacity.cpuUnits())
                : existing.map(InstanceRow::engineCpu).orElse(null);
        Integer engineMemory = capacity != null ? Integer.valueOf((int) capacity.memoryMiB())
                : existing.map(InstanceRow::engineMemory).orElse(null);
        InstanceRow row = new InstanceRow(arn, id, cluster.arn(), host, rt.endpoint(), cpu, memory, attributes, status,
                connected, engineCpu, engineMemory);
        if (existing.isEmpty()) world.tokens.record(arn, TOKEN_KIND, r.clientToken());
        if (r.tags() != null) {
            Map<String, String> tags = Tags.checked(r.tags());
            Tags.checkCount(tags);
            world.tags.replace(arn, tags);
        }
        world.instances.put(arn, row);
        if (r.dockerTls() != null) engineTls().put(host, EngineTlsRow.of(r.dockerTls()));
        world.inactive.forgetInstance(arn);
        if (r.versionInfo() != null && r.versionInfo().agentVersion() != null) heartbeats.beat(arn);
        return row;
    }

    private static Integer resource(List<Resource> resources, String name) {
        if (resources == null) return null;
        for (Resource res : resources) {
            if (res != null && name.equals(res.name())) {
                if (res.integerValue() != null && res.integerValue() != 0) return res.integerValue();
                if (res.longValue() != null && res.longValue() != 0) return res.longValue().intValue();
                if (res.doubleValue() != null && res.doubleValue() != 0) return res.doubleValue().intValue();
                return 0;
            }
        }
        return null;
    }

    InstanceRow deregister(InstanceRow row, boolean force, InstanceShapes shapes) {
        int tasks = shapes.running(row.arn()).size() + shapes.pending(row.arn());
        if (tasks > 0 && !force) throw EcsException.invalidParameter("Found running tasks on the instance.");
        if (tasks > 0) {
            if (!row.draining()) {
                row = withStatus(row, InstanceRow.DRAINING);
                world.instances.put(row.arn(), row);
            }
            drainer.drain(row);
            stopLeftovers(row);
        }
        InstanceRow inactive = withStatus(row, InstanceShapes.INACTIVE).withConnected(false);
        world.inactive.instanceDeregistered(inactive);
        world.instances.delete(row.arn());
        String host = row.dockerHost();
        if (host != null && world.instances.all().stream().noneMatch(i -> host.equals(i.dockerHost()))) {
            // The last instance on the engine is gone, and with it any reason to keep its key.
            engineTls().delete(host);
        }
        world.tokens.forget(row.arn());
        heartbeats.forget(row.arn());
        return inactive;
    }

    /** Tasks the drain could not move (or that belong to no service) stop with the instance. */
    private void stopLeftovers(InstanceRow row) {
        ContainerRuntime rt = runtimes.apply(row.dockerHost());
        for (PlacementRow p : world.placements.all()) {
            if (!row.arn().equals(p.instanceArn())) continue;
            Optional<TaskRow> task = world.tasks.get(p.taskArn());
            if (task.isPresent() && !task.get().stoppedStatus()) {
                try {
                    rt.stopTask(p.taskArn(), STOP_GRACE);
                } catch (RuntimeFailure f) {
                    // An engine that is away keeps the containers; they are orphans once it answers.
                }
                world.tasks.put(p.taskArn(), task.get().stopped(Instant.now().toString(), TaskRow.SERVICE_SCHEDULER_INITIATED,
                        "Container instance deregistered"));
            }
            world.placements.delete(p.taskArn());
        }
    }

    private Table<EngineTlsRow> engineTls() {
        return new Table<>(world.store, EngineTlsRow.TABLE, EngineTlsRow.class);
    }

    InstanceRow withStatus(InstanceRow r, String status) {
        return new InstanceRow(r.arn(), r.id(), r.clusterArn(), r.dockerHost(), r.engine(), r.cpu(), r.memory(),
                r.attributes(), status, r.connected(), r.engineCpu(), r.engineMemory());
    }

    static String arn(String clusterName, String id) {
        return "arn:aws:ecs:" + EcsArn.REGION + ":" + EcsArn.ACCOUNT + ":container-instance/" + clusterName + "/" + id;
    }

    /** The ARN a failure names: the reference itself when it is one, else the ARN it would have. */
    static String arnOf(ClusterRow cluster, String ref) {
        return ref != null && EcsArn.looksLikeArn(ref) ? ref : arn(cluster.name(), String.valueOf(ref));
    }
}
