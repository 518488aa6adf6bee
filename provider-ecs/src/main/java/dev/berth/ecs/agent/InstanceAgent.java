package dev.berth.ecs.agent;

import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.InstanceCalls.ContainerInstance;
import dev.berth.ecs.api.InstanceCalls.DescribeContainerInstancesRequest;
import dev.berth.ecs.api.InstanceCalls.RegisterContainerInstanceRequest;
import dev.berth.ecs.api.Shapes.Attribute;
import dev.berth.ecs.api.Shapes.VersionInfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What ECS's container agent does for its EC2 instance: registers the Docker engine it runs
 * beside into a cluster (RegisterContainerInstance, with the engine's CPUs and memory), then keeps
 * it connected by registering it again under its ARN every {@code interval}, which the control
 * plane reads as the agent's heartbeat. It deregisters nothing when it stops: the instance turns
 * disconnected, as in ECS. The client token is derived from the host, cluster and engine, so an
 * agent started again on the same engine takes up the instance its last run registered.
 */
public final class InstanceAgent implements AutoCloseable {
    /** What to register: the cluster, the engine (null: the local one) and extra attributes. */
    public record Registration(String cluster, String dockerHost, Map<String, String> attributes, String agentVersion) {
    }

    private final EcsApi api;
    private final Registration registration;
    private final AgentLog log;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agent-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private volatile String arn;

    public InstanceAgent(EcsApi api, Registration registration, AgentLog log) {
        this.api = api;
        this.registration = registration;
        this.log = log;
    }

    /** Registers the engine and starts the heartbeat; an API error says why it could not join. */
    public ContainerInstance start(Duration interval) {
        ContainerInstance ci = register(null);
        arn = ci.containerInstanceArn();
        log.line("container instance " + arn + " registered in cluster " + registration.cluster() + " ("
                + ci.registeredResources().get(0).integerValue() + " CPU units, "
                + ci.registeredResources().get(1).integerValue() + " MiB)");
        timer.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return ci;
    }

    private ContainerInstance register(String instanceArn) {
        List<Attribute> attributes = new ArrayList<>();
        Map<String, String> all = new TreeMap<>(registration.attributes());
        all.putIfAbsent("ecs.cpu-architecture", System.getProperty("os.arch").replace("amd64", "x86_64")
                .replace("aarch64", "arm64"));
        all.forEach((k, v) -> attributes.add(new Attribute(k, v)));
        return api.registerContainerInstance(new RegisterContainerInstanceRequest(registration.cluster(), null,
                new VersionInfo(registration.agentVersion(), null, null), instanceArn, attributes, null,
                registration.dockerHost(), token())).containerInstance();
    }

    private String token() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return "berth-agent:" + host + ":" + registration.cluster() + ":"
                + (registration.dockerHost() == null ? "local" : registration.dockerHost());
    }

    private void beat() {
        try {
            List<ContainerInstance> now = api.describeContainerInstances(new DescribeContainerInstancesRequest(
                    registration.cluster(), List.of(arn), null)).containerInstances();
            if (now.isEmpty() || "INACTIVE".equals(now.get(0).status())) {
                // Deregistered by someone else: as ECS's agent does, stop speaking for the instance.
                log.line("container instance " + arn + " was deregistered; the heartbeat stops");
                timer.shutdown();
                return;
            }
            register(arn);
        } catch (EcsException e) {
            log.line("heartbeat of " + arn + " failed: " + e);
        } catch (RuntimeException e) {
            log.line("heartbeat of " + arn + " failed: " + e.getMessage());
        }
    }

    /** The registered instance's ARN (null before {@link #start}). */
    public String arn() {
        return arn;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
