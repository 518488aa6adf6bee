package dev.berth.ecs.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.ecs.store.EcsStore;
import dev.berth.ecs.testing.LoopbackPorts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The world a load run works on, made through the API as a user would: one cluster with
 * container instances on the server's local engine (each registered with a slice of it, so
 * placement has room to run out of), task definitions for idle tasks, tasks run by the load and
 * tasks holding a static host port, one service, and real running tasks. {@link #seedStopped}
 * adds stopped tasks' rows straight to the store (see bench/README.md for why).
 */
public final class LoadWorld {
    /**
     * A container that ends at once on SIGTERM (busybox as PID 1 would ignore it and wait out the
     * grace) and otherwise sleeps: a loop waking every second forked a sleep per task per second,
     * and with 64 tasks those forks were a quarter of the machine's busy time during the load.
     */
    private static final List<String> IDLE = List.of("sh", "-c",
            "trap 'exit 0' TERM; while true; do sleep 86400 & wait $!; done");
    static final String IMAGE = "berth-example/busybox:latest";

    final String cluster;
    final String clusterArn;
    final List<String> instances = new ArrayList<>();
    final String idleDef, runDef, portDef;
    final String service;
    /**
     * The host port the port tasks hold, free on loopback when the world is made: a fixed one was
     * taken by the other CI pass's load test, which runs beside this one on the same engine.
     */
    final int staticPort;
    /** Every task seeded into the world (running and stopped), for describes to pick from. */
    final List<String> seeded = new ArrayList<>();

    private final EcsWire wire;

    private LoadWorld(EcsWire wire, String cluster, String clusterArn, String idleDef, String runDef, String portDef,
                      String service, int staticPort) {
        this.wire = wire;
        this.cluster = cluster;
        this.clusterArn = clusterArn;
        this.idleDef = idleDef;
        this.runDef = runDef;
        this.portDef = portDef;
        this.service = service;
        this.staticPort = staticPort;
    }

    /**
     * Makes the cluster, {@code instances} instances of {@code cpu} units and {@code memoryMiB}
     * each, the task definitions, one service of {@code serviceTasks} idle tasks and
     * {@code runningTasks} idle one-off tasks, all running when this returns.
     */
    public static LoadWorld create(EcsWire wire, String name, int instances, int cpu, int memoryMiB, int serviceTasks,
                            int runningTasks) {
        ObjectNode c = EcsWire.body().put("clusterName", name);
        String clusterArn = wire.call("CreateCluster", c).path("cluster").path("clusterArn").asText();
        String idle = register(wire, name + "-idle", 2, 16, -1);
        String run = register(wire, name + "-run", 32, 64, 0);
        int staticPort = LoopbackPorts.free();
        String port = register(wire, name + "-port", 32, 64, staticPort);
        LoadWorld w = new LoadWorld(wire, name, clusterArn, idle, run, port, name + "-svc", staticPort);
        for (int i = 0; i < instances; i++) {
            ObjectNode r = EcsWire.body().put("cluster", name);
            ArrayNode res = r.putArray("totalResources");
            res.addObject().put("name", "CPU").put("type", "INTEGER").put("integerValue", cpu);
            res.addObject().put("name", "MEMORY").put("type", "INTEGER").put("integerValue", memoryMiB);
            r.putArray("attributes").addObject().put("name", "ecs.availability-zone").put("value", "local-" + (char) ('a' + i % 3));
            w.instances.add(wire.call("RegisterContainerInstance", r).path("containerInstance")
                    .path("containerInstanceArn").asText());
        }
        ObjectNode s = EcsWire.body().put("cluster", name).put("serviceName", w.service).put("taskDefinition", idle)
                .put("desiredCount", serviceTasks).put("launchType", "EC2");
        wire.call("CreateService", s);
        for (int left = runningTasks; left > 0; left -= 10) {
            JsonNode answer = wire.call("RunTask", EcsWire.body().put("cluster", name).put("taskDefinition", idle)
                    .put("count", Math.min(10, left)).put("launchType", "EC2").put("startedBy", "load-seed"));
            if (answer.path("failures").size() > 0) throw new IllegalStateException("seed tasks not placed: " + answer.path("failures"));
            for (JsonNode t : answer.path("tasks")) w.seeded.add(t.path("taskArn").asText());
        }
        w.awaitServiceStable(serviceTasks);
        return w;
    }

    /** {@code hostPort}: -1 for no port mapping, 0 for one Docker picks, else a static one. */
    private static String register(EcsWire wire, String family, int cpu, int memory, int hostPort) {
        ObjectNode r = EcsWire.body().put("family", family).put("networkMode", "bridge");
        r.putArray("requiresCompatibilities").add("EC2");
        ObjectNode c = r.putArray("containerDefinitions").addObject().put("name", "main").put("image", IMAGE)
                .put("cpu", cpu).put("memory", memory).put("essential", true);
        IDLE.forEach(c.putArray("command")::add);
        if (hostPort >= 0) { // 0: a port Docker picks
            c.putArray("portMappings").addObject().put("containerPort", 8080).put("hostPort", hostPort).put("protocol", "tcp");
        }
        return wire.call("RegisterTaskDefinition", r).path("taskDefinition").path("taskDefinitionArn").asText();
    }

    private void awaitServiceStable(int desired) {
        long end = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < end) {
            JsonNode s = wire.call("DescribeServices", describeService()).path("services").path(0);
            if (s.path("runningCount").asInt() == desired
                    && "COMPLETED".equals(s.path("deployments").path(0).path("rolloutState").asText())) return;
            sleep(250);
        }
        throw new IllegalStateException("service " + service + " did not reach " + desired + " running tasks in 120 s");
    }

    ObjectNode describeService() {
        ObjectNode d = EcsWire.body().put("cluster", cluster);
        d.putArray("services").add(service);
        return d;
    }

    /**
     * Adds {@code count} stopped one-off tasks to the store in few transactions, each a copy of a
     * real one (run and stopped through the API first) under a new ARN, stopped now (ECS shows a
     * stopped task for an hour), so their rows are exactly what berth writes for such a task.
     */
    public void seedStopped(EcsStore store, int count) {
        if (count <= 0) return;
        JsonNode answer = wire.call("RunTask", EcsWire.body().put("cluster", cluster).put("taskDefinition", idleDef)
                .put("launchType", "EC2").put("startedBy", "load-seed"));
        String model = answer.path("tasks").path(0).path("taskArn").asText();
        wire.call("StopTask", EcsWire.body().put("cluster", cluster).put("task", model).put("reason", "seeded"));
        seeded.add(model);
        String task = store.get("tasks", model).orElseThrow();
        String attrs = store.get("task_attributes", model).orElse(null);
        String id = model.substring(model.lastIndexOf('/') + 1);
        List<EcsStore.Write> batch = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            String newId = UUID.randomUUID().toString().replace("-", "");
            String arn = model.replace(id, newId);
            batch.add(new EcsStore.Write("tasks", arn, task.replace(id, newId)));
            if (attrs != null) batch.add(new EcsStore.Write("task_attributes", arn, attrs.replace(id, newId)));
            seeded.add(arn);
            if (batch.size() >= 2000) {
                store.writeAll(batch);
                batch = new ArrayList<>();
            }
        }
        store.writeAll(batch);
    }

    /** Stops every task of the cluster, removes the service and instances, and deletes the cluster. */
    public void destroy() {
        try {
            ObjectNode u = EcsWire.body().put("cluster", cluster).put("service", service).put("desiredCount", 0);
            wire.call("UpdateService", u);
            wire.call("DeleteService", EcsWire.body().put("cluster", cluster).put("service", service).put("force", true));
        } catch (EcsWire.CallFailed e) {
            // Already gone; the instances' force below stops whatever is left.
        }
        for (String arn : runningTasks()) {
            try {
                wire.call("StopTask", EcsWire.body().put("cluster", cluster).put("task", arn).put("reason", "load test ends"));
            } catch (EcsWire.CallFailed e) {
                // Stopped meanwhile.
            }
        }
        for (String i : instances) {
            wire.call("DeregisterContainerInstance", EcsWire.body().put("cluster", cluster)
                    .put("containerInstance", i).put("force", true));
        }
        wire.call("DeleteCluster", EcsWire.body().put("cluster", cluster));
    }

    /** Every RUNNING task of the cluster, all pages. */
    List<String> runningTasks() {
        return list(EcsWire.body().put("cluster", cluster));
    }

    List<String> list(ObjectNode request) {
        List<String> out = new ArrayList<>();
        String token = null;
        do {
            ObjectNode r = request.deepCopy();
            if (token != null) r.put("nextToken", token);
            JsonNode page = wire.call("ListTasks", r);
            page.path("taskArns").forEach(a -> out.add(a.asText()));
            token = page.path("nextToken").isMissingNode() || page.path("nextToken").isNull() ? null
                    : page.path("nextToken").asText();
        } while (token != null);
        return out;
    }

    /** The named tasks, described in calls of up to 100; missing ones are left out. */
    Map<String, JsonNode> describe(List<String> arns) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < arns.size(); i += 100) {
            ObjectNode d = EcsWire.body().put("cluster", cluster);
            ArrayNode list = d.putArray("tasks");
            arns.subList(i, Math.min(arns.size(), i + 100)).forEach(list::add);
            for (JsonNode t : wire.call("DescribeTasks", d).path("tasks")) out.put(t.path("taskArn").asText(), t);
        }
        return out;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
